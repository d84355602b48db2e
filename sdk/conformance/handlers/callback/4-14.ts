// 4-14: a callback timeout (3 seconds) caught by the handler, then a 2-second wait.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback(name, { timeout: { seconds: 3 } });
  let message = "callback succeeded";
  try {
    await result;
  } catch (e) {
    message = `callback timed out: ${(e as Error).message}`;
  }
  await context.wait({ seconds: 2 });
  return message;
});
