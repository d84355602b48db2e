// 9-10: map tolerating 25% failures of 4 items: the second failure (50%) stops it.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "tolerated-pct",
    ["i0", "i1", "i2", "i3"],
    async (_ctx, value) => {
      if (value === "i0" || value === "i1") throw new Error(`${value} failed`);
      return "ok";
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailurePercentage: 25 } },
  );
  const { completionReason, successCount, failureCount, totalCount } = batch;
  return { completionReason, successCount, failureCount, totalCount };
});
