// 9-1: map "map" over the input, one greeting step per item, one item at a time.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (items: string[], context) => {
  const batch = await context.map("map", items, async (ctx, name) => ctx.step(async () => `Hello, ${name}!`), { maxConcurrency: 1 });
  return batch.getResults();
});
