// 5-10: a failing invoke caught, then a wait; the replay rethrows the recorded error and it is caught again.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  failing: withDurableExecution(async () => {
    throw new Error("target failed");
  }),
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  let outcome = "succeeded";
  try {
    await context.invoke("failing");
  } catch (e) {
    outcome = `caught: ${(e as Error).message}`;
  }
  await context.wait({ seconds: 1 });
  return outcome;
});
