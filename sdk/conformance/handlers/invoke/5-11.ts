// 5-11: a step, then an invoke of the step's result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const value = await context.step(async () => ({ prepared: true }));
  return context.invoke("echo", value);
});
