// 9-3: map "indexed": each item returns itself plus its index.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (items: number[], context) => {
  const batch = await context.map("indexed", items, async (_ctx, n, index) => n + index, { maxConcurrency: 1 });
  return batch.getResults();
});
