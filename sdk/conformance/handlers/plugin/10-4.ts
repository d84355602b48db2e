// 10-4: a greeting step, with a plugin whose every hook prints and then throws.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { greet } from "./shared/bodies.js";
import { faultyPlugin } from "./shared/records.js";

export const handler = withDurableExecution(greet, { plugins: [faultyPlugin()] });
