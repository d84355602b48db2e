// 10-7: a step that always fails, without retries, with a plugin printing the invocation start and end.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";
import { invocationLifecyclePlugin } from "./shared/records.js";

export const handler = withDurableExecution(
  async (_event: unknown, context) =>
    context.step(
      async () => {
        throw new Error("step failed permanently");
      },
      { retryStrategy: retryPresets.noRetry },
    ),
  { plugins: [invocationLifecyclePlugin()] },
);
