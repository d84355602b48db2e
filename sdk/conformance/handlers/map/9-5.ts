// 9-5: fail-fast map (no failure tolerated): item 1 fails, item 2 never starts.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "failfast",
    ["i0", "i1", "i2"],
    async (_ctx, value) => {
      if (value === "i1") throw new Error(`${value} failed`);
      return "ok";
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 0 } },
  );
  const { completionReason, status, successCount, failureCount, totalCount } = batch;
  return { completionReason, status, successCount, failureCount, totalCount };
});
