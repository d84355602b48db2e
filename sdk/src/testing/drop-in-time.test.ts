// Issue 15, cause 1: under skipTime, time moves while an invocation runs, as the official
// runner's does: a wait next to a running step and a step's back-off end inside the running
// invocation. Each scenario runs on the official pair and on ours; where the official runner's
// history is not Lambda's (it ends a plain wait before the invocation that started it), ours
// stays exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventShapes, official, ours, type Pair, type Sdk } from "./drop-in.test-support.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const scenarios = {
  /** The repro: a 500 ms step next to a 1 s wait. */
  "a wait next to a running step": (sdk: Sdk) =>
    sdk.withDurableExecution(async (_event: unknown, ctx) =>
      (
        await ctx.parallel([
          (b) => b.step("slow", async () => (await sleep(500), "slow")),
          async (b) => (await b.wait("w", { seconds: 1 }), "waited"),
        ])
      ).getResults(),
    ),
  /** Two waits in a row while a step runs (the forced-checkpoint examples). */
  "waits in a row next to a running step": (sdk: Sdk) =>
    sdk.withDurableExecution(async (_event: unknown, ctx) => {
      const waits = (async () => {
        await ctx.wait("w1", { seconds: 1 });
        await ctx.wait("w2", { seconds: 1 });
        return 2;
      })();
      const [a, b] = await Promise.all([ctx.step("long", async () => (await sleep(300), 1)), waits]);
      return a + b;
    }),
  /** A counter in the handler's closure: it only reaches 3 if the retries stay in one invocation. */
  "a retried step": (sdk: Sdk) =>
    sdk.withDurableExecution(async (_event: unknown, ctx) => {
      let calls = 0;
      return ctx.step(
        "flaky",
        async () => {
          calls += 1;
          if (calls < 3) throw new Error(`call ${calls} failed`);
          return calls;
        },
        { retryStrategy: () => ({ shouldRetry: true, delay: { seconds: 2 } }) },
      );
    }),
  "a polled condition": (sdk: Sdk) =>
    sdk.withDurableExecution(async (_event: unknown, ctx) =>
      ctx.waitForCondition("ready", async (state: number) => state + 1, {
        initialState: 0,
        waitStrategy: (state: number) => (state < 3 ? { shouldContinue: true, delay: { seconds: 1 } } : { shouldContinue: false }),
      }),
    ),
  "a plain wait": (sdk: Sdk) =>
    sdk.withDurableExecution(async (_event: unknown, ctx) => {
      await ctx.wait("w", { seconds: 5 });
      return "done";
    }),
};
type Name = keyof typeof scenarios;

async function run({ sdk, Runner }: Pair, name: Name) {
  const execution = await new Runner({ handlerFunction: scenarios[name](sdk) }).run();
  const events = execution.getHistoryEvents();
  const start = events[0]!.EventTimestamp!.valueOf();
  return {
    status: execution.getStatus(),
    result: execution.getResult(),
    invocations: execution.getInvocations().length,
    events: eventShapes(events),
    offsets: events.map((e) => e.EventTimestamp!.valueOf() - start),
  };
}

const runs: Record<string, Partial<Record<Name, Awaited<ReturnType<typeof run>>>>> = { official: {}, ours: {} };

describe.each([official, ours])("skipped time on the $name runner", (pair) => {
  beforeAll(() => pair.Runner.setupTestEnvironment({ skipTime: true }));
  afterAll(() => pair.Runner.teardownTestEnvironment());
  for (const name of Object.keys(scenarios) as Name[]) {
    it(`runs ${name}`, async () => {
      runs[pair.name]![name] = await run(pair, name);
      expect(runs[pair.name]![name]!.status).toBe("SUCCEEDED");
    });
  }
});

describe("our runner against the official one", () => {
  const both = (name: Name) => [runs.ours![name]!, runs.official![name]!] as const;

  it("ends the repro in one invocation, with the same results and events", () => {
    const [ourRun, officialRun] = both("a wait next to a running step");
    expect(ourRun.invocations).toBe(1);
    expect(ourRun.result).toEqual(["slow", "waited"]);
    expect({ ...ourRun, offsets: undefined, events: [...ourRun.events].sort() }).toEqual({ ...officialRun, offsets: undefined, events: [...officialRun.events].sort() });
    // Ours writes the time Lambda would: the wait ends 1 s in.
    expect(ourRun.offsets[ourRun.events.indexOf("WaitSucceeded Wait w")]).toBe(1000);
  });

  it("runs waits in a row next to a running step exactly as the official runner", () => {
    const [ourRun, officialRun] = both("waits in a row next to a running step");
    expect({ ...ourRun, offsets: undefined }).toEqual({ ...officialRun, offsets: undefined });
    expect(ourRun.invocations).toBe(1);
  });

  // The official runner mostly keeps these in one invocation too, but not always: whether its
  // SDK's poll or its suspension timer fires first is a race there. Ours always does.
  it.each(["a retried step", "a polled condition"] as Name[])("runs %s in one invocation, with the official runner's result", (name) => {
    const [ourRun, officialRun] = both(name);
    expect(ourRun.result).toEqual(officialRun.result);
    expect(ourRun.invocations).toBe(1);
    expect(ourRun.invocations).toBeLessThanOrEqual(officialRun.invocations);
    const attempt = name === "a retried step" ? ["StepStarted Step flaky", "StepFailed Step flaky"] : ["StepStarted WaitForCondition ready", "StepSucceeded WaitForCondition ready"];
    const last = name === "a retried step" ? ["StepStarted Step flaky", "StepSucceeded Step flaky"] : attempt;
    expect(ourRun.events).toEqual(["ExecutionStarted", ...attempt, ...attempt, ...last, "InvocationCompleted", "ExecutionSucceeded"]);
  });

  it("keeps the retries' back-off in the history's times", () => {
    const [ourRun] = both("a retried step");
    expect(ourRun.result).toBe(3);
    expect(ourRun.offsets.filter((_, i) => ourRun.events[i] === "StepStarted Step flaky")).toEqual([0, 2000, 4000]);
  });

  it("suspends on a plain wait as Lambda does: the wait ends after the invocation that started it", () => {
    const [ourRun, officialRun] = both("a plain wait");
    expect(ourRun.invocations).toBe(officialRun.invocations);
    expect(ourRun.events).toEqual(["ExecutionStarted", "WaitStarted Wait w", "InvocationCompleted", "WaitSucceeded Wait w", "InvocationCompleted", "ExecutionSucceeded"]);
    expect(ourRun.offsets).toEqual([0, 0, 0, 5000, 5000, 5000]);
  });
});
