// 3-8: a child context whose step always fails; after 2 attempts the child fails.
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.runInChildContext("exhausted-child", async (child) =>
    child.step(
      async () => {
        throw new Error("always fails");
      },
      { retryStrategy: createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE }) },
    ),
  ),
);
