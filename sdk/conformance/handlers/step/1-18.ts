// 1-18: an at-most-once step with retries: its first attempt crashes the runtime, the second succeeds.
import { createRetryStrategy, JitterStrategy, StepSemantics, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.step(
    async ({ logger, attempt }) => {
      logger.info(`Processing ${input}`);
      if (attempt === 1) process.exit(1);
      return "succeeded on second attempt";
    },
    {
      semantics: StepSemantics.AtMostOncePerRetry,
      retryStrategy: createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE }),
    },
  ),
);
