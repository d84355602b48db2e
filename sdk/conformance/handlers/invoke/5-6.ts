// 5-6: invoke a target that throws, inside try/catch; return a fallback value.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  failing: withDurableExecution(async () => {
    throw new Error("target failed");
  }),
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  try {
    return await context.invoke("failing");
  } catch {
    return "fallback";
  }
});
