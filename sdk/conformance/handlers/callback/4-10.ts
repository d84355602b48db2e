// 4-10: create a callback, wait 5 seconds, then await the callback (it fails during the wait).
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name);
  await context.wait({ seconds: 5 });
  return result;
});
