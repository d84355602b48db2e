// 1-14: fails twice then succeeds; retries after 2 s, then 6 s (backoff 3, no jitter).
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(
    async ({ attempt }) => {
      if (attempt <= 2) throw new Error(`attempt ${attempt} failed`);
      return "succeeded on attempt 3";
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 5, initialDelay: { seconds: 2 }, backoffRate: 3, jitter: JitterStrategy.NONE }) },
  ),
);
