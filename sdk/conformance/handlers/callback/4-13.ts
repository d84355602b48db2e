// 4-13: a failed callback caught by the handler, then a 2-second wait; returns the error message.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name);
  let message = "callback succeeded";
  try {
    await result;
  } catch (e) {
    message = `callback failed: ${(e as Error).message}`;
  }
  await context.wait({ seconds: 2 });
  return message;
});
