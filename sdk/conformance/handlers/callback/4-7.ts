// 4-7: create a callback, run a step, then await the callback, which the external system fails.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name);
  await context.step(async () => "step done");
  return result;
});
