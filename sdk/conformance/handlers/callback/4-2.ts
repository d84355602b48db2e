// 4-2: a callback named "approval".
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const [result] = await context.createCallback("approval");
  return result;
});
