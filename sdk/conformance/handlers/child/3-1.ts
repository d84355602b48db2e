// 3-1: a child context holding one step that returns the input.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext(async (child) => child.step(async () => input)),
);
