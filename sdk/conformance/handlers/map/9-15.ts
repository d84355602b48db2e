// 9-15: a wait inside the second item suspends the map; the replay skips the finished first item.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map(
    "suspend",
    ["r0", "r1"],
    async (ctx, value, index) => {
      if (index === 1) await ctx.wait({ seconds: 1 });
      return ctx.step(async () => value);
    },
    { maxConcurrency: 1 },
  );
  return batch.getResults();
});
