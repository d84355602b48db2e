// Issue 15, cause 1 with an official handler on our runner: the official SDK polls on its own
// timers, not on the clock our runner hands the invocation; abandoned map items keep its
// invocation alive, so a wait after the map must still end under skipped time (it used to hang).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as officialSdk from "@aws/durable-execution-sdk-js";
import { eventShapes, official, ours, type Pair } from "./drop-in.test-support.js";

const handler = officialSdk.withDurableExecution(async (_event: unknown, ctx) => {
  const mapped = await ctx.map("items", [1, 2, 3], (item, n) => item.step(`s-${n}`, async () => (await new Promise((r) => setTimeout(r, n * 100)), n)), {
    completionConfig: { minSuccessful: 1 },
  });
  await ctx.wait("after", { seconds: 1 });
  return mapped.getResults();
});

async function run({ Runner }: Pair) {
  const execution = await new Runner({ handlerFunction: handler }).run();
  return { status: execution.getStatus(), result: execution.getResult(), events: eventShapes(execution.getHistoryEvents()).filter((e) => !e.includes("MapIteration")) };
}

const runs: Record<string, Awaited<ReturnType<typeof run>>> = {};

describe.each([official, ours])("an official handler on the $name runner", (pair) => {
  beforeAll(() => pair.Runner.setupTestEnvironment({ skipTime: true }));
  afterAll(() => pair.Runner.teardownTestEnvironment());
  it("ends a wait that follows a map whose abandoned items keep the invocation alive", async () => {
    runs[pair.name] = await run(pair);
    expect(runs[pair.name]!.status).toBe("SUCCEEDED");
  }, 15_000);
});

describe("our runner against the official one", () => {
  it("records the same result and events", () => {
    expect(runs.ours).toEqual(runs.official);
    expect(runs.ours!.result).toEqual([1]);
  });
});
