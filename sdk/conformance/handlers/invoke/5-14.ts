// 5-14: two invokes of two targets, one after the other.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  "first-target": withDurableExecution(async (event: { n: number }) => ({ n: event.n + 1 })),
  "second-target": withDurableExecution(async (event: { n: number }) => ({ n: event.n * 10 })),
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const first = await context.invoke<{ n: number }, { n: number }>("first-target", { n: 1 });
  return context.invoke("second-target", first);
});
