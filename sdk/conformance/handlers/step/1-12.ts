// 1-12: a step that always fails, with 4 attempts in all, 1 second apart.
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(
    async () => {
      throw new Error("always fails");
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 4, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: JitterStrategy.NONE }) },
  ),
);
