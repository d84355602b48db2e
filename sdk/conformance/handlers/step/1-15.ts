// 1-15: the retry strategy retries only a TransientError; the step throws one once.
import { withDurableExecution, type RetryDecision } from "@durable-lens/sdk/runtime";

class TransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransientError";
  }
}

const retryOnTransient = (error: Error, attempts: number): RetryDecision =>
  error instanceof TransientError && attempts < 3 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false };

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(
    async ({ attempt }) => {
      if (attempt === 1) throw new TransientError("temporarily unavailable");
      return "recovered";
    },
    { retryStrategy: retryOnTransient },
  ),
);
