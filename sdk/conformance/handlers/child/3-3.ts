// 3-3: a child context with two sequential steps, the second fed by the first.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext("sequential", async (child) => {
    const first = await child.step(async () => input);
    return child.step(async () => first);
  }),
);
