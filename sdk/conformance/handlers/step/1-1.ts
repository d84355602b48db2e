// 1-1: a single step that greets the input.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => context.step(async () => `Hello, ${name}!`));
