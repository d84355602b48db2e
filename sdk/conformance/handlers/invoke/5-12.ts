// 5-12: an invoke, then a step that processes its result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const result = await context.invoke<{ value: number }, { value: number }>("echo", { value: 21 });
  return context.step(async () => ({ processed: result.value * 2 }));
});
