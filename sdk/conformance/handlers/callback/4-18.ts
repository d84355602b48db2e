// 4-18: create callbacks A and B, then await A, then B.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async ([nameA, nameB]: [string, string], context) => {
  const [a] = await context.createCallback(nameA);
  const [b] = await context.createCallback(nameB);
  const resultA = await a;
  const resultB = await b;
  return [resultA, resultB];
});
