// 1-11: a step that fails on its first attempt and succeeds on the second.
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.step(
    async ({ attempt }) => {
      if (attempt === 1) throw new Error("transient failure");
      return "Operation succeeded";
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE }) },
  ),
);
