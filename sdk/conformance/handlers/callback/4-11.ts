// 4-11: a callback with a 3-second timeout, a 6-second wait, then await the timed-out callback.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name, { timeout: { seconds: 3 } });
  await context.wait({ seconds: 6 });
  return result;
});
