// 5-15: an invoke whose payload serdes upper-cases the string it sends.
import { defaultSerdes, withDurableExecution, type Serdes } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

const uppercasePayload: Serdes<string> = {
  serialize: async (value) => (value === undefined ? undefined : JSON.stringify(value.toUpperCase())),
  deserialize: defaultSerdes.deserialize,
};

// A string payload needs the name-first form: a string second argument is read as the function.
export const handler = withDurableExecution(async (event: { data: string }, context) =>
  context.invoke("echo-uppercased", "echo", event.data, { payloadSerdes: uppercasePayload }),
);
