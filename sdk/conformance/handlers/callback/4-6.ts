// 4-6: a callback the external system fails; the handler lets the error fail the execution.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name);
  return result;
});
