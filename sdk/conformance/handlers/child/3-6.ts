// 3-6: a child context holding a step and a nested child context with its own step.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext("outer", async (outer) => {
    await outer.step(async () => input);
    return outer.runInChildContext("inner", async (inner) => inner.step(async () => input));
  }),
);
