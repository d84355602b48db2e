// Written against @aws/durable-execution-sdk-js 2.4 and @aws/durable-execution-sdk-js-testing
// 1.1.4, as a user would; only the two module names were switched to ours.
import { withDurableExecution as officialWithDurableExecution, type DurableLambdaHandler } from "@aws/durable-execution-sdk-js";
import { withDurableExecution, type BatchResult, type DurableContext } from "@durable-lens/sdk";
import { LocalDurableTestRunner } from "@durable-lens/sdk/testing";

// parallel over branches of different result types infers their union.
export const heterogeneous = withDurableExecution(async (_event: unknown, context: DurableContext) => {
  const mixed = await context.parallel([async (ctx) => ctx.step("count", async () => 1), async () => "two"]);
  const values: (number | string)[] = mixed.getResults();
  const named = await context.parallel("named", [{ name: "flag", func: async () => true }, async () => 3]);
  const flags: (boolean | number)[] = named.getResults();
  return { values, flags };
});

// A failed item's error is always there.
export function firstFailure(result: BatchResult<number>): string | undefined {
  const failures = result.failed();
  return failures.length > 0 ? failures[0]!.error.message : undefined;
}

// An official handler runs on our runner as it is.
const officialHandler: DurableLambdaHandler = officialWithDurableExecution(async (_event: unknown, context) => context.step("hello", async () => "world"));
export const runner = new LocalDurableTestRunner({ handlerFunction: officialHandler });
runner.registerDurableFunction("other", officialHandler);
