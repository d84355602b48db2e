// 3-16: a child context that returns null without running any durable operation.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.runInChildContext("null-child", async () => null),
);
