// 2-2: a named 2-second wait.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  await context.wait("custom_wait_name", { seconds: 2 });
});
