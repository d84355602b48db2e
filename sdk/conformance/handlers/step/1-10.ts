// 1-10: a step that fails for good inside try/catch, then a wait; the replay rethrows the recorded error.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  try {
    await context.step(
      async ({ logger }) => {
        logger.info("step executed");
        throw new Error("step failed permanently");
      },
      { retryStrategy: retryPresets.noRetry },
    );
  } catch {
    // Expected on the first run and on every replay.
  }
  await context.wait({ seconds: 1 });
});
