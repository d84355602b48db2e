// 3-17: a child context that only logs its input (replay logging on), then a wait; the
// replay must not run the finished child again.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) => {
  context.configureLogger({ modeAware: false });
  const value = await context.runInChildContext("logging-child", async (child) => {
    child.logger.info(`Child received ${input}`);
    return input;
  });
  await context.wait({ seconds: 1 });
  return value;
});
