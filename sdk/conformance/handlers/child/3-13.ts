// 3-13: a child context holding only a wait, then a step outside it.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) => {
  const value = await context.runInChildContext("waiting-child", async (child) => {
    await child.wait({ seconds: 1 });
    return input;
  });
  return context.step(async () => value);
});
