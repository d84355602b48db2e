// 3-4: a child context whose step fails without retries; the error fails the execution.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.runInChildContext("failing-child", async (child) =>
    child.step(
      async () => {
        throw new Error("inner step failed");
      },
      { retryStrategy: retryPresets.noRetry },
    ),
  ),
);
