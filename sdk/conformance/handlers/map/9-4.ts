// 9-4: map "empty" over no items.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (items: string[], context) => {
  const batch = await context.map("empty", items, async (_ctx, value) => value);
  return batch.getResults();
});
