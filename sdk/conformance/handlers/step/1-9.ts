// 1-9: a step that logs when it runs, then a wait; on replay the step returns its recorded result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const value = await context.step(async ({ logger }) => {
    logger.info("step executed");
    return "cached_value";
  });
  await context.wait({ seconds: 1 });
  return value;
});
