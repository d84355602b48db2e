// 3-15: a child context that throws without running any durable operation.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.runInChildContext("throwing-child", async () => {
    throw new Error("child failed before any operation");
  }),
);
