// Issue 15, cause 5: a map whose completion is reached still records the retry of a late item
// that was already failing, as the official SDK on its runner does: a checkpoint's answer takes
// a turn of the event loop, so an item failing meanwhile gets its RETRY in before the map closes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventShapes, official, ours, type Pair } from "./drop-in.test-support.js";

/** A step body that fails on its first attempt, one turn of the event loop after it started. */
const failsOnceLate = (n: number) => async (step: { attempt: number }) => {
  await new Promise((resolve) => setImmediate(resolve));
  if (step.attempt === 1) throw new Error(`item ${n} failed once`);
  return n;
};

async function lateRetry({ sdk, Runner }: Pair, shape: "pair" | "issue") {
  const handler = sdk.withDurableExecution(async (_event: unknown, ctx) => {
    const items = shape === "pair" ? [0, 1] : [0, 1, 2, 3, 4];
    const result = await ctx.map(
      "items",
      items,
      (item, n) =>
        item.step(`s-${n + 1}`, shape === "pair" ? (n === 1 ? failsOnceLate(n) : async () => n) : n % 2 === 0 ? failsOnceLate(n) : async () => n, {
          retryStrategy: () => ({ shouldRetry: true, delay: { seconds: 1 } }),
        }),
      shape === "pair"
        ? { maxConcurrency: 2, completionConfig: { minSuccessful: 1 } }
        : { maxConcurrency: 3, completionConfig: { minSuccessful: 2, toleratedFailurePercentage: 50 } },
    );
    return result.completionReason;
  });
  const execution = await new Runner({ handlerFunction: handler }).run();
  return {
    status: execution.getStatus(),
    result: execution.getResult(),
    // The checkpoints of the steps and the map, in the order the service took them.
    events: eventShapes(execution.getHistoryEvents()).filter((e) => e.startsWith("Step") || e.includes(" Map ")),
  };
}

const runs: Record<string, Record<string, Awaited<ReturnType<typeof lateRetry>>>> = { official: {}, ours: {} };

describe.each([official, ours])("a map completing while a late item fails ($name)", (pair) => {
  beforeAll(() => pair.Runner.setupTestEnvironment({ skipTime: true }));
  afterAll(() => pair.Runner.teardownTestEnvironment());
  it.each(["pair", "issue"] as const)("runs the %s shape", async (shape) => {
    runs[pair.name]![shape] = await lateRetry(pair, shape);
  });
});

describe("our map against the official one", () => {
  it("records the late item's RETRY before the map succeeds", () => {
    expect(runs.ours!.pair!.events).toEqual(["ContextStarted Map items", "StepStarted Step s-1", "StepStarted Step s-2", "StepSucceeded Step s-1", "StepFailed Step s-2", "ContextSucceeded Map items"]);
    expect(runs.ours!.pair).toEqual(runs.official!.pair);
  });

  it("records the issue's map (5 items, 3 at a time, 2 to succeed) as the official SDK does", () => {
    expect(runs.ours!.issue).toEqual(runs.official!.issue);
    expect(runs.ours!.issue!.result).toBe("MIN_SUCCESSFUL_REACHED");
  });
});
