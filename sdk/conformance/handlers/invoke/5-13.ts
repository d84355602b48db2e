// 5-13: an invoke inside a child context, which returns the invoke result.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.runInChildContext(async (child) => child.invoke("echo", { from: "child" })),
);
