// 5-16: an invoke whose result serdes upper-cases the raw result it reads.
import { withDurableExecution, type Serdes } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

const uppercaseResult: Serdes<string> = {
  serialize: async (value) => (value === undefined ? undefined : JSON.stringify(value)),
  deserialize: async (data) => data?.toUpperCase(),
};

// A string input needs the name-first form: a string second argument is read as the function.
export const handler = withDurableExecution(async (input: string, context) =>
  context.invoke("echo-input", "echo", input, { resultSerdes: uppercaseResult }),
);
