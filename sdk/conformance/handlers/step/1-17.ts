// 1-17: an at-most-once step without retries logs its input, then crashes the runtime.
import { retryPresets, StepSemantics, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.step(
    "at_most_once_flaky_step",
    async ({ logger }) => {
      logger.info(`Processing ${input}`);
      process.exit(1);
    },
    { semantics: StepSemantics.AtMostOncePerRetry, retryStrategy: retryPresets.noRetry },
  ),
);
