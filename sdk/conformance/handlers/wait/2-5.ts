// 2-5: a wait given in hours.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  await context.wait({ hours: 1 });
});
