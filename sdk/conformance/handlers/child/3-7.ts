// 3-7: a child context whose step fails once, then succeeds with the input on its retry.
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext("retrying-child", async (child) =>
    child.step(
      async ({ attempt }) => {
        if (attempt === 1) throw new Error("transient failure");
        return input;
      },
      { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE }) },
    ),
  ),
);
