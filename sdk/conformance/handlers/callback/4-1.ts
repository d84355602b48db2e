// 4-1: a callback named by the input; the handler returns what the external system sent.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name);
  return result;
});
