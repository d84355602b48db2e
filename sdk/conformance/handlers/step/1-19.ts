// 1-19: a step that always throws, with no retries.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(
    async () => {
      throw new Error("step failed");
    },
    { retryStrategy: retryPresets.noRetry },
  ),
);
