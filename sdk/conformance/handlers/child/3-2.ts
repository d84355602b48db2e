// 3-2: a child context named by the first input, whose step returns the second.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (event: { name: string; value: string }, context) =>
  context.runInChildContext(event.name, async (child) => child.step(async () => event.value)),
);
