// 1-2: a single step with an explicit name.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) =>
  context.step("custom_step_name", async () => `Hello, ${name}!`),
);
