// 10-6: a 2-second wait, with a plugin printing the first-invocation flag and the invocation status.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { waitTwoSeconds } from "./shared/bodies.js";
import { invocationLifecyclePlugin } from "./shared/records.js";

export const handler = withDurableExecution(waitTwoSeconds, { plugins: [invocationLifecyclePlugin()] });
