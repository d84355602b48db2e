// 1-3: two sequential steps, the second built on the first one's result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const first = await context.step(async () => "first");
  return context.step(async () => `${first}_second`);
});
