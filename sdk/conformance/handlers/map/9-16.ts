// 9-16: map whose four ~70 KB results together exceed the 256 KB checkpoint threshold.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("large", [0, 1, 2, 3], async (_ctx, n) => String(n).repeat(70 * 1024), { maxConcurrency: 1 });
  return { successCount: batch.successCount, totalCount: batch.totalCount };
});
