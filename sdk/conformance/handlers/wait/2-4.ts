// 2-4: a wait given in minutes.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  await context.wait({ minutes: 1 });
});
