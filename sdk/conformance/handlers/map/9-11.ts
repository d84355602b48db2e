// 9-11: map running two items at a time; results stay in item order.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (_event: unknown, context) => {
  const batch = await context.map("concurrent", ["i0", "i1", "i2"], async (_ctx, _value, index) => `r${index}`, { maxConcurrency: 2 });
  return batch.getResults();
});
