// 4-3: a callback with a 5-second timeout that nobody completes.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name, { timeout: { seconds: 5 } });
  return result;
});
