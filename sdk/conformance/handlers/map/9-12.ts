// 9-12: map with FLAT nesting: items run in virtual contexts, their steps hang off the map.
import { NestingType, withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("flat", ["fa", "fb"], async (ctx, value) => ctx.step(async () => value), {
    maxConcurrency: 1,
    nesting: NestingType.FLAT,
  });
  return batch.getResults();
});
