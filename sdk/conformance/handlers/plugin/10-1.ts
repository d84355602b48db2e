// 10-1: a greeting step that logs as it runs, with a plugin printing the invocation start and end.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { invocationLifecyclePlugin } from "./shared/records.js";

export const handler = withDurableExecution(
  async (name: string, context) =>
    context.step(async ({ logger }) => {
      logger.info(`Greeting step running for: ${name}`);
      return `Hello, ${name}!`;
    }),
  { plugins: [invocationLifecyclePlugin()] },
);
