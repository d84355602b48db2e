// 9-17: a successful map, then a wait; the replay skips the finished map.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("then-wait", ["a", "b"], async (_ctx, value) => value.toUpperCase(), { maxConcurrency: 1 });
  await context.wait({ seconds: 1 });
  return batch.getResults();
});
