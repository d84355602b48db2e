// 5-3: invoke the echo target with a nested JSON input.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

export const handler = withDurableExecution(async (input: Record<string, unknown>, context) => context.invoke("echo", input));
