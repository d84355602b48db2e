// 9-19: map "op-serde" whose whole result is stored through an operation-level serdes.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { opSerdes } from "./shared/op-serdes.js";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("op-serde", ["x", "y"], async (_ctx, value) => value.toUpperCase(), {
    maxConcurrency: 1,
    serdes: opSerdes,
  });
  return batch.getResults();
});
