// 3-14: a child context whose serdes stores its result upper-cased.
import { withDurableExecution, type Serdes } from "@durable-lens/sdk/runtime";

const uppercaseSerdes: Serdes<string> = {
  serialize: async (value) => value?.toUpperCase(),
  deserialize: async (data) => data,
};

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext("uppercase-child", async (child) => child.step(async () => input), { serdes: uppercaseSerdes }),
);
