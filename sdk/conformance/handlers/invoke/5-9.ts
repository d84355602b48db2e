// 5-9: invoke a target, then wait; the replay returns the recorded invoke result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const result = await context.invoke("echo", { value: "cached" });
  await context.wait({ seconds: 1 });
  return result;
});
