// 3-5: a failing child context caught by the handler, which recovers with a step returning the input.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) => {
  try {
    await context.runInChildContext(async (child) =>
      child.step(
        async () => {
          throw new Error("inner step failed");
        },
        { retryStrategy: retryPresets.noRetry },
      ),
    );
  } catch {
    // The recovery step below takes over.
  }
  return context.step(async () => input);
});
