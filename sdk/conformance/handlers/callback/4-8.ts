// 4-8: create a callback with a 5-second timeout, run a step, then await the callback.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name, { timeout: { seconds: 5 } });
  await context.step(async () => "step done");
  return result;
});
