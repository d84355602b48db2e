import { describe, expect, it } from "vitest";
import { diffExecutions, historyCheckpoints, projectHistory } from "../history/index.js";
import { createRetryStrategy, JitterStrategy, withDurableExecution, type DurableExecutionHandler, type DurableLambdaHandler } from "../runtime/index.js";
import { orderProcessor, paymentWithRetries, sampleFunctions } from "../examples/index.js";
import { reportingThrows } from "./code-error.js";
import { record, runThrough, seededSamples } from "./record-sample.test-support.js";
import { ReplaySimulator } from "./simulator.js";

const flow: DurableExecutionHandler = async (_e, ctx) => {
  const a = await ctx.step("first", async () => "a");
  await ctx.wait("pause", { seconds: 5 });
  const b = await ctx.step("second", async () => "b");
  return a + b;
};

/** A simulator whose handler reports what it throws, as the worker's module loader sets it up. */
function simulatorWithReporting(recording: Awaited<ReturnType<typeof record>>["events"], handler: DurableExecutionHandler) {
  let sim: ReplaySimulator | undefined;
  const wrap = reportingThrows(withDurableExecution, (e) => sim?.noteThrown(e));
  const lambda: DurableLambdaHandler = wrap(handler);
  sim = new ReplaySimulator({ recording, handler: lambda, functionName: "fn" });
  return sim;
}

describe("code that throws", () => {
  it("is a crash with its message, stack and invocation, not a divergence", async () => {
    const { events } = await record("fn", withDurableExecution(flow), {});
    const sim = simulatorWithReporting(events, async (_e, ctx) => {
      await ctx.step("first", async () => "a");
      // What a bundle that reads the environment does in a browser.
      const env = (globalThis as { process?: { env: Record<string, string> } }).process!.env;
      throw new ReferenceError(`process is not defined ${Object.keys(env ?? {}).length}`);
    });
    // Node has a `process`; the code above throws its own ReferenceError in both worlds.
    const { pause } = await runThrough(sim);
    expect(pause.kind).toBe("crashed");
    if (pause.kind !== "crashed") return;
    expect(pause.error).toMatchObject({ invocation: 1, errorType: "ReferenceError", lastOperation: { name: "first", type: "STEP" } });
    expect(pause.error.message).toMatch(/^process is not defined/);
    expect(pause.error.stack?.[0]).toContain("ReferenceError");
    expect(pause.error.stack?.some((line) => line.includes("simulator-outcomes.test"))).toBe(true);
    expect(sim.snapshot().divergences).toEqual([]);
  });

  it("is a crash, without a stack, when only the FAILED output tells (a handler not built by the worker)", async () => {
    const { events } = await record("fn", withDurableExecution(flow), {});
    const handler = withDurableExecution(async () => {
      throw new TypeError("cannot read properties of undefined");
    });
    const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler, functionName: "fn" }));
    expect(pause).toMatchObject({ kind: "crashed", error: { invocation: 1, afterCheckpoint: 0, errorType: "TypeError", message: "cannot read properties of undefined" } });
    if (pause.kind === "crashed") expect(pause.error.stack).toBeUndefined();
  });

  it("in a child context's function is a crash at the context's failed checkpoint", async () => {
    const withChild: DurableExecutionHandler = async (_e, ctx) => ctx.runInChildContext("prepare", async (child) => child.step("inner", async () => 1));
    const { events } = await record("fn", withDurableExecution(withChild), {});
    const throwing = withDurableExecution(async (_e, ctx) =>
      ctx.runInChildContext("prepare", async () => {
        throw new TypeError("cannot read properties of undefined (reading 'id')");
      }),
    );
    const sim = new ReplaySimulator({ recording: events, handler: throwing, functionName: "fn" });
    const { pause } = await runThrough(sim);
    expect(pause).toMatchObject({ kind: "crashed", error: { invocation: 1, errorType: "TypeError", message: "cannot read properties of undefined (reading 'id')", lastOperation: { type: "CONTEXT", name: "prepare" } } });
    expect(sim.snapshot().divergences).toEqual([]);
  });

  it("is a crash where the record has not ended yet (a running execution's check)", async () => {
    const { events: whole } = await record("fn", withDurableExecution(flow), {});
    // The history as it stood once "first" succeeded: the execution had not ended, and the code
    // that throws right after asks for everything it recorded.
    const events = whole.filter((e) => e.EventId! <= whole.find((w) => w.EventType === "StepSucceeded")!.EventId!);
    expect(projectHistory(events).operations.find((op) => op.type === "EXECUTION")?.status).toBe("STARTED");
    const { pause } = await runThrough(
      simulatorWithReporting(events, async (_e, ctx) => {
        await ctx.step("first", async () => "a");
        throw new Error("no approver configured");
      }),
    );
    expect(pause).toMatchObject({ kind: "crashed", error: { errorType: "Error", message: "no approver configured", lastOperation: { name: "first" } } });
  });

  it("a step's recorded failure passed on is no crash: the execution ends as recorded", async () => {
    const charge: DurableExecutionHandler = async (_p, ctx) =>
      ctx.step("charge-card", async () => 1, { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, backoffRate: 2, jitter: JitterStrategy.NONE }) });
    const { events } = await record("payment-with-retries", paymentWithRetries, { paymentId: "p1", amount: 10 });
    const { pause } = await runThrough(simulatorWithReporting(events, charge));
    expect(pause).toMatchObject({ kind: "ended", status: "FAILED", error: { ErrorType: "StepError" } });
    if (pause.kind === "ended") expect(pause.thrown).toBeUndefined();
  });

  it("the same exception as the record's is the recorded end, its stack kept", async () => {
    const throwing: DurableExecutionHandler = async (_e, ctx) => {
      await ctx.step("first", async () => "a");
      throw new RangeError("out of range");
    };
    const { events } = await record("fn", withDurableExecution(throwing), {});
    const { pause } = await runThrough(simulatorWithReporting(events, throwing));
    expect(pause).toMatchObject({ kind: "ended", status: "FAILED", thrown: { errorType: "RangeError", message: "out of range" } });
  });
});

describe("a what-if failure", () => {
  it("is listed with the recorded outcome it replaced, and is the attempt in the simulated history", async () => {
    const { events } = await record("fn", withDurableExecution(flow), {});
    const first = projectHistory(events).operations.find((op) => op.name === "first")!;
    const sim = new ReplaySimulator({ recording: events, handler: withDurableExecution(flow), functionName: "fn", whatIf: true });
    const error = { ErrorType: "WhatIf", ErrorMessage: "card declined" };
    sim.overrideStep(first.id, { kind: "fail", error });
    await runThrough(sim);
    const snap = sim.snapshot();
    expect(snap.whatIfs).toEqual([{ operationId: first.id, name: "first", attempt: 1, outcome: { kind: "fail", error }, recorded: { status: "SUCCEEDED", result: '"a"' } }]);
    const attempt = projectHistory(snap.events).operations.find((op) => op.id === first.id)!.attempts[0]!;
    expect(attempt).toMatchObject({ status: "FAILED", error });
  });
});

describe("a what-if failure in place of a recorded one", () => {
  it("leaves the result as recorded but differs from the recording in the comparison", async () => {
    const { events } = await record("payment-with-retries", paymentWithRetries, { paymentId: "p1", amount: 10 });
    const charge = projectHistory(events).operations.find((op) => op.name === "charge-card")!;
    const sim = new ReplaySimulator({ recording: events, handler: paymentWithRetries, functionName: "payment-with-retries", whatIf: true });
    sim.overrideStep(charge.id, { kind: "fail", error: { ErrorType: "WhatIf", ErrorMessage: "card stolen" } });
    const { pause } = await runThrough(sim);
    expect(pause).toMatchObject({ kind: "ended", status: "FAILED" });
    const snap = sim.snapshot();
    expect(snap.whatIfs.map((w) => [w.attempt, w.recorded?.status])).toEqual([[1, "FAILED"]]);
    const row = diffExecutions(events, snap.events).operations.find((op) => op.id === charge.id)!;
    expect(row.kind).toBe("changed");
    expect(row.fields.find((f) => f.field === "attemptOutcomes")?.right).toMatch(/^1 FAILED \(WhatIf: card stolen\), 2 FAILED/);
  });
});

describe("checkpoints", () => {
  for (const { sample, seed } of seededSamples()) {
    it(`of ${sample.name}: the simulated history has the recording's, and its times`, async () => {
      const { events } = await record(sample.name, sample.handler, seed.input, seed.callbacks, { tick: true });
      const sim = new ReplaySimulator({ recording: events, handler: sample.handler, functionName: sample.name });
      const { pause, checkpoints } = await runThrough(sim);
      expect(pause.kind).toBe("ended");
      const simulated = sim.snapshot().events;
      const times = (list: typeof events) => historyCheckpoints(list).map((c) => c.time?.getTime());
      expect(historyCheckpoints(simulated).length).toBe(historyCheckpoints(events).length);
      expect(times(simulated)).toEqual(times(events));
      // Each call of the runtime landed at its own millisecond when recorded: one checkpoint each.
      expect(historyCheckpoints(events).length).toBe(checkpoints);
    });
  }
});

describe("log lines", () => {
  it("carry the virtual time of the replay, also inside a structured line", async () => {
    const { events } = await record("order-processor", orderProcessor, sampleFunctions.find((f) => f.name === "order-processor")!.seeds[0]!.input, sampleFunctions.find((f) => f.name === "order-processor")!.seeds[0]!.callbacks, { tick: true });
    const sim = new ReplaySimulator({ recording: events, handler: orderProcessor, functionName: "order-processor" });
    const original = console.info;
    console.info = (...args: unknown[]) => sim.log("info", args.map(String).join(" "));
    try {
      await runThrough(sim);
    } finally {
      console.info = original;
    }
    const { logs } = sim.snapshot();
    expect(logs.length).toBeGreaterThan(0);
    const start = events[0]!.EventTimestamp!.getTime();
    const end = events.at(-1)!.EventTimestamp!.getTime();
    for (const line of logs) {
      expect(line.atMs).toBeGreaterThanOrEqual(start);
      expect(line.atMs).toBeLessThanOrEqual(end);
      const structured = JSON.parse(line.text) as { timestamp: string };
      expect(structured.timestamp).toBe(new Date(line.atMs).toISOString());
    }
    // The recording's clock starts in 2026-01-01, far from the wall clock of this test.
    expect(new Date(logs[0]!.atMs).getUTCFullYear()).toBe(new Date(start).getUTCFullYear());
  });
});
