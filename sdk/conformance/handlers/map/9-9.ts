// 9-9: map tolerating one failure: items 0 and 1 fail, so item 2 never starts.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "tolerated-exceeded",
    ["i0", "i1", "i2"],
    async (_ctx, value) => {
      if (value !== "i2") throw new Error(`${value} failed`);
      return "ok";
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } },
  );
  const { completionReason, successCount, failureCount, totalCount } = batch;
  return { completionReason, successCount, failureCount, totalCount };
});
