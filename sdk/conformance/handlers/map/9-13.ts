// 9-13: map "named-items" whose iterations are named from their items.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (items: number[], context) => {
  const batch = await context.map("named-items", items, async (_ctx, n) => n * 10, {
    maxConcurrency: 1,
    itemNamer: (n) => `item-${n}`,
  });
  return batch.getResults();
});
