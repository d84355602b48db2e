// 5-2: a named invoke of the echo target; the name comes from the input.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (event: { name: string; payload: string }, context) =>
  context.invoke(event.name, "echo", event.payload),
);
