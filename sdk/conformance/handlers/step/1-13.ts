// 1-13: a step that fails twice then succeeds, with the default retry strategy.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(async ({ attempt }) => {
    if (attempt <= 2) throw new Error(`attempt ${attempt} failed`);
    return "succeeded on attempt 3";
  }),
);
