// 9-2: map in the items-only form (no name); each item doubles without a step.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (items: number[], context) => {
  const batch = await context.map(items, async (_ctx, n) => n * 2, { maxConcurrency: 1 });
  return batch.getResults();
});
