// 2-1: a single 2-second wait.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  await context.wait({ seconds: 2 });
});
