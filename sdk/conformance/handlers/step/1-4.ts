// 1-4: a step returning a nested object with arrays and mixed types.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

interface Input {
  name: string;
  tags: string[];
}

export const handler = withDurableExecution(async (event: Input, context) =>
  context.step(async () => ({ user: { name: event.name, tags: event.tags }, count: event.tags.length })),
);
