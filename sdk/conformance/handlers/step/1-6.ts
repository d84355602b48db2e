// 1-6: a step whose serdes upper-cases every string it serializes.
import { withDurableExecution, type Serdes } from "@durable-lens/sdk/runtime";

const upper = (v: unknown): unknown =>
  typeof v === "string"
    ? v.toUpperCase()
    : Array.isArray(v)
      ? v.map(upper)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, upper(x)]))
        : v;

const uppercaseSerdes: Serdes<string> = {
  serialize: async (value) => (value === undefined ? undefined : JSON.stringify(upper(value))),
  deserialize: async (data) => (data === undefined ? undefined : JSON.parse(data)),
};

export const handler = withDurableExecution(async (input: string, context) =>
  context.step(async () => input, { serdes: uppercaseSerdes }),
);
