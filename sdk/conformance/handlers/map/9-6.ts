// 9-6: fail-fast map whose first item fails; the handler rethrows the batch's error.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "throwing",
    ["i0", "i1"],
    async (_ctx, value) => {
      if (value === "i0") throw new Error(`${value} failed`);
      return "ok";
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 0 } },
  );
  batch.throwIfError();
  return batch.getResults();
});
