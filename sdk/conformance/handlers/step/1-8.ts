// 1-8: a step, then a 2-second wait; the replay skips the finished step.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const value = await context.step(async () => "computed");
  await context.wait({ seconds: 2 });
  return value;
});
