// 1-20: a failing step caught by user code, which falls back and runs a second step.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  let value: string;
  try {
    value = await context.step(
      async (): Promise<string> => {
        throw new Error("step failed");
      },
      { retryStrategy: retryPresets.noRetry },
    );
  } catch {
    value = "fallback";
  }
  return context.step(async () => `${value}_result`);
});
