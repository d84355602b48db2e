// 4-19: create callbacks A and B, then await B first, then A.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async ([nameA, nameB]: [string, string], context) => {
  const [a] = await context.createCallback(nameA);
  const [b] = await context.createCallback(nameB);
  const resultB = await b;
  const resultA = await a;
  return [resultA, resultB];
});
