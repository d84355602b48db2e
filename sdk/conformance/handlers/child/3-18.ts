// 3-18: a child context with a step and a wait, then a step and a wait after it.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) => {
  const inner = await context.runInChildContext("step-and-wait", async (child) => {
    const value = await child.step(async () => input);
    await child.wait({ seconds: 1 });
    return value;
  });
  const outer = await context.step(async () => inner);
  await context.wait({ seconds: 1 });
  return outer;
});
