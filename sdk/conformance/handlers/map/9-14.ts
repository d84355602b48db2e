// 9-14: map "serdes" with a per-item serdes that stores each result as "wrapped:<value>".
import { withDurableExecution, type Serdes } from "@durable-lens/sdk/runtime";

const PREFIX = "wrapped:";

const wrappedSerdes: Serdes<string> = {
  serialize: async (value) => (value === undefined ? undefined : PREFIX + value),
  deserialize: async (data) => {
    if (data === undefined) return undefined;
    if (!data.startsWith(PREFIX)) throw new Error(`not a wrapped payload: ${data}`);
    return data.slice(PREFIX.length);
  },
};

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("serdes", ["x", "y"], async (_ctx, value) => value.toUpperCase(), {
    maxConcurrency: 1,
    itemSerdes: wrappedSerdes,
  });
  return batch.getResults();
});
