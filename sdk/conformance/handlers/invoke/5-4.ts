// 5-4: invoke the echo target with null; it returns null.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (_event: unknown, context) => context.invoke("echo", null));
