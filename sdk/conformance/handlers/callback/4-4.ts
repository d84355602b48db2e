// 4-4: a callback with a 5-second heartbeat timeout and no heartbeat.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name, { heartbeatTimeout: { seconds: 5 } });
  return result;
});
