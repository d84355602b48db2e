// 3-10: a child context holding a step and then a wait.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext("step-then-wait", async (child) => {
    const value = await child.step(async () => input);
    await child.wait({ seconds: 1 });
    return value;
  }),
);
