// 9-7: map that completes once 2 items succeeded; items 2 and 3 never start.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("min-successful", ["i0", "i1", "i2", "i3"], async () => "done", {
    maxConcurrency: 1,
    completionConfig: { minSuccessful: 2 },
  });
  const { completionReason, successCount, totalCount } = batch;
  return { completionReason, successCount, totalCount };
});
