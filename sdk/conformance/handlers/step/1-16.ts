// 1-16: the retry strategy never retries a TransientError; the step throws one.
import { withDurableExecution, type RetryDecision } from "@durable-lens/sdk/runtime";

class TransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransientError";
  }
}

const noRetryOnTransient = (error: Error): RetryDecision =>
  error instanceof TransientError ? { shouldRetry: false } : { shouldRetry: true, delay: { seconds: 1 } };

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(
    async () => {
      throw new TransientError("temporarily unavailable");
    },
    { retryStrategy: noRetryOnTransient },
  ),
);
