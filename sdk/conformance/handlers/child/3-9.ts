// 3-9: a child context, then a wait; the replay returns the child's recorded result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) => {
  const value = await context.runInChildContext(async (child) => child.step(async () => input));
  await context.wait({ seconds: 1 });
  return value;
});
