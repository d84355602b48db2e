// 4-5: a callback with a 10-second heartbeat timeout, kept alive by a heartbeat, then completed.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name, { heartbeatTimeout: { seconds: 10 } });
  return result;
});
