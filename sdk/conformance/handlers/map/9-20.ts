// 9-20: the map of 9-19, then a wait: the replay reads the map result back through the serdes.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { opSerdes } from "./shared/op-serdes.js";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("op-serde-replay", ["x", "y"], async (_ctx, value) => value.toUpperCase(), {
    maxConcurrency: 1,
    serdes: opSerdes,
  });
  await context.wait({ seconds: 1 });
  return batch.getResults();
});
