// 1-7: a step that logs through its step context logger at start and end.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.step(async ({ logger }) => {
    logger.info(`Greeting step started for: ${input}`);
    const greeting = `Hello, ${input}!`;
    logger.info(`Greeting step completed with: ${greeting}`);
    return greeting;
  }),
);
