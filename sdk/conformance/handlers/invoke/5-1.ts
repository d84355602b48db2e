// 5-1: invoke an echo target with the input; return what it returns.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

// A string input needs the name-first form (name, function, input), as in the official SDK:
// a string second argument is read as the function.
export const handler = withDurableExecution(async (input: string, context) => context.invoke("echo-input", "echo", input));
