// 4-12: await a callback, then wait 2 seconds, then return the callback's result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name);
  const value = await result;
  await context.wait({ seconds: 2 });
  return value;
});
