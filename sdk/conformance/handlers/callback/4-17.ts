// 4-17: create and await callback A, then create and await callback B.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async ([nameA, nameB]: [string, string], context) => {
  const [a] = await context.createCallback(nameA);
  const resultA = await a;
  const [b] = await context.createCallback(nameB);
  const resultB = await b;
  return [resultA, resultB];
});
