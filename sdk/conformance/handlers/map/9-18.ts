// 9-18: a map that tolerates its one failure, then a wait; the replay skips the finished map.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "fail-then-wait",
    ["ok", "fail"],
    async (_ctx, value) => {
      if (value === "fail") throw new Error("item failed");
      return value;
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } },
  );
  await context.wait({ seconds: 1 });
  const { completionReason, status, successCount, failureCount, totalCount } = batch;
  return { completionReason, status, successCount, failureCount, totalCount };
});
