// 9-8: map tolerating one failure: item 1 fails, every item still runs.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "tolerated",
    ["i0", "i1", "i2"],
    async (_ctx, value) => {
      if (value === "i1") throw new Error(`${value} failed`);
      return "ok";
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } },
  );
  const { completionReason, status, successCount, failureCount, totalCount } = batch;
  return { completionReason, status, successCount, failureCount, totalCount };
});
