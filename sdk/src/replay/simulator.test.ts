import { describe, expect, it } from "vitest";
import { projectHistory } from "../history/index.js";
import type { Event } from "../protocol/index.js";
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "../runtime/index.js";
import { paymentWithRetries } from "../examples/index.js";
import { record, runThrough, seededSamples } from "./record-sample.test-support.js";
import { ReplaySimulator } from "./simulator.js";

/** What must be the same in a recorded and a simulated run: each operation's identity and end. */
function shape(events: readonly Event[]) {
  return projectHistory(events).operations.map((op) => ({ id: op.id, type: op.type, subType: op.subType, name: op.name, parentId: op.parentId, status: op.status, attempts: op.attempts.length, result: op.result }));
}

describe("replaying each sample's recorded execution against its own code", () => {
  for (const { sample, seed } of seededSamples()) {
    it(`reproduces ${sample.name} with no divergence`, async () => {
      const { events } = await record(sample.name, sample.handler, seed.input, seed.callbacks);
      const sim = new ReplaySimulator({ recording: events, handler: sample.handler, functionName: sample.name });
      const { pause, checkpoints } = await runThrough(sim);
      expect(pause.kind).toBe("ended");
      const snap = sim.snapshot();
      expect(snap.divergences).toEqual([]);
      expect(checkpoints).toBeGreaterThan(0);
      expect(shape(snap.events)).toEqual(shape(events));
      expect(snap.invocations.length).toBe(projectHistory(events).invocations.length);
    });

    it(`stops ${sample.name} at the first operation whose record was changed`, async () => {
      const { events } = await record(sample.name, sample.handler, seed.input, seed.callbacks);
      const target = projectHistory(events).operations.find((op) => op.type !== "EXECUTION")!;
      const renamed = events.map((e) => (e.Id === target.id ? { ...e, Name: "renamed-in-history" } : e));
      const sim = new ReplaySimulator({ recording: renamed, handler: sample.handler, functionName: sample.name });
      const { pause } = await runThrough(sim);
      expect(pause.kind).toBe("diverged");
      if (pause.kind !== "diverged") return;
      expect(pause.divergence).toMatchObject({ kind: "name", operationId: target.id, expected: { name: "renamed-in-history" }, actual: { name: target.name } });
    });
  }
});

describe("a modified copy of the code", () => {
  const payment = { paymentId: "p1", amount: 10 };

  it("reports a renamed step as the first divergence", async () => {
    const { events } = await record("payment-with-retries", paymentWithRetries, payment);
    const renamed = withDurableExecution(async (_p: unknown, ctx) => ctx.step("charge-credit-card", async () => 1));
    const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler: renamed, functionName: "payment-with-retries" }));
    expect(pause).toMatchObject({ kind: "diverged", divergence: { kind: "name", expected: { name: "charge-card" }, actual: { name: "charge-credit-card" } } });
  });

  it("reports a retry strategy that gives up sooner", async () => {
    const { events } = await record("payment-with-retries", paymentWithRetries, payment);
    const fewerRetries = withDurableExecution(async (_p: unknown, ctx) =>
      ctx.step("charge-card", async () => 1, { retryStrategy: createRetryStrategy({ maxAttempts: 1, jitter: JitterStrategy.NONE }) }),
    );
    const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler: fewerRetries, functionName: "payment-with-retries" }));
    expect(pause).toMatchObject({ kind: "diverged", divergence: { kind: "retry", expected: { detail: "try again" }, actual: { detail: "stop trying" } } });
  });

  const two = withDurableExecution(async (_e: unknown, ctx) => {
    const a = await ctx.step("first", async () => "a");
    await ctx.wait("pause", { seconds: 5 });
    const b = await ctx.step("second", async () => "b");
    return a + b;
  });

  it("reports reordered operations at the first position that changed", async () => {
    const { events } = await record("fn", two, {});
    const reordered = withDurableExecution(async (_e: unknown, ctx) => {
      await ctx.wait("pause", { seconds: 5 });
      return ctx.step("first", async () => "a");
    });
    const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler: reordered, functionName: "fn" }));
    expect(pause).toMatchObject({ kind: "diverged", divergence: { kind: "type", expected: { type: "STEP", name: "first" }, actual: { type: "WAIT", name: "pause" } } });
  });

  it("reports a removed last step once the execution ends without it", async () => {
    const { events } = await record("fn", two, {});
    const shorter = withDurableExecution(async (_e: unknown, ctx) => {
      const a = await ctx.step("first", async () => "a");
      await ctx.wait("pause", { seconds: 5 });
      return a + "b";
    });
    const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler: shorter, functionName: "fn" }));
    expect(pause).toMatchObject({ kind: "diverged", divergence: { kind: "removed", expected: { name: "second" } } });
  });

  it("reports an added operation the finished history never had", async () => {
    const { events } = await record("fn", two, {});
    const longer = withDurableExecution(async (e: unknown, ctx) => {
      const ab = await two.length; // keep the same first three operations
      void ab;
      const a = await ctx.step("first", async () => "a");
      await ctx.wait("pause", { seconds: 5 });
      const b = await ctx.step("second", async () => "b");
      await ctx.step("third", async () => "c");
      return a + b;
    });
    const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler: longer, functionName: "fn" }));
    expect(pause).toMatchObject({ kind: "diverged", divergence: { kind: "unrecorded", actual: { name: "third" } } });
  });
});

describe("a history still running", () => {
  it("replays what was recorded, then asks for the outcome of the step the record has none for", async () => {
    const flow = withDurableExecution(async (_e: unknown, ctx) => {
      await ctx.step("first", async () => "a");
      await ctx.wait("pause", { seconds: 5 });
      return ctx.step("second", async () => "b");
    });
    const { events } = await record("fn", flow, {});
    const cut = events.filter((e) => !(e.Name === "second") && e.EventType !== "ExecutionSucceeded");
    const lastInvocation = cut.findLastIndex((e) => e.EventType === "InvocationCompleted");
    const sim = new ReplaySimulator({ recording: cut.slice(0, lastInvocation + 1), handler: flow, functionName: "fn" });
    const { pause } = await runThrough(sim);
    expect(pause).toMatchObject({ kind: "outcome-needed", request: { name: "second", reason: "beyond-record" } });
    sim.provideOutcome({ kind: "succeed", payload: JSON.stringify("from the user") });
    const end = await runThrough(sim);
    expect(end.pause).toMatchObject({ kind: "ended", status: "SUCCEEDED", result: JSON.stringify("from the user") });
    expect(sim.snapshot().divergences).toEqual([]);
  });
});

describe("what-ifs", () => {
  const approval = withDurableExecution(async (_e: unknown, ctx) => {
    const decision = await ctx.waitForCallback<string>("approve", async () => undefined, { timeout: { hours: 1 } });
    await ctx.wait("settle", { seconds: 30 });
    return ctx.step("record", async () => `decided ${decision}`);
  });

  it("answers a pending callback, moves the clock past a wait and takes a step's outcome from the user", async () => {
    const { events } = await record("fn", approval, {});
    // The recording waits on the callback (nobody answered it).
    const firstInvocation = events.find((e) => e.EventType === "InvocationCompleted")!.EventId!;
    const sim = new ReplaySimulator({ recording: events.filter((e) => e.EventId! <= firstInvocation), handler: approval, functionName: "fn" });
    const idle = await runThrough(sim);
    expect(idle.pause.kind).toBe("idle");
    if (idle.pause.kind !== "idle") return;
    const callback = idle.pause.pending.find((w) => w.kind === "callback")!;
    expect(callback).toMatchObject({ recorded: false });
    sim.resolveCallback(callback.operationId, { kind: "succeed", payload: JSON.stringify("yes") });
    const waiting = await runThrough(sim);
    expect(waiting.pause).toMatchObject({ kind: "idle", pending: [{ kind: "wait", name: "settle" }] });
    const before = sim.snapshot().nowMs;
    sim.advanceClock();
    expect(sim.snapshot().nowMs - before).toBe(30_000);
    const asked = await runThrough(sim);
    expect(asked.pause).toMatchObject({ kind: "outcome-needed", request: { name: "record", reason: "beyond-record" } });
    sim.provideOutcome({ kind: "succeed", payload: JSON.stringify("decided yes") });
    expect((await runThrough(sim)).pause).toMatchObject({ kind: "ended", status: "SUCCEEDED", result: JSON.stringify("decided yes") });
  });

  it("makes a recorded step fail instead; its retries and the execution fail with it", async () => {
    const { events } = await record("payment-with-retries", paymentWithRetries, { paymentId: "p1", amount: 10, declines: 0 });
    const step = projectHistory(events).operations.find((op) => op.name === "charge-card")!;
    expect(step.status).toBe("SUCCEEDED");
    const sim = new ReplaySimulator({ recording: events, handler: paymentWithRetries, functionName: "payment-with-retries" });
    sim.overrideStep(step.id, { kind: "fail", error: { ErrorType: "Error", ErrorMessage: "card expired" } });
    // The retry strategy tries again; the record has no second attempt, so the user says how it goes.
    for (const attempt of [2, 3]) {
      // The back-off is not in the record either: the clock moves when the user says so.
      const backOff = await runThrough(sim);
      expect(backOff.pause).toMatchObject({ kind: "idle", pending: [{ kind: "retry", name: "charge-card", recorded: false }] });
      sim.advanceClock();
      const { pause } = await runThrough(sim);
      expect(pause).toMatchObject({ kind: "outcome-needed", request: { name: "charge-card", attempt, reason: "no-recorded-outcome" } });
      sim.provideOutcome({ kind: "fail", error: { ErrorType: "Error", ErrorMessage: "still expired" } });
    }
    const { pause } = await runThrough(sim);
    expect(pause).toMatchObject({ kind: "ended", status: "FAILED", error: { ErrorMessage: "still expired" } });
    const snap = sim.snapshot();
    expect(snap.whatIf).toBe(true);
    // Noted, not stopped at: the what-if changed how the execution ended.
    expect(snap.divergences.map((d) => d.kind)).toEqual(["outcome"]);
  });

  it("forks from a checkpoint of a simulation: the engine starts from that state and the runtime replays it", async () => {
    const flow = withDurableExecution(async (_e: unknown, ctx) => {
      const a = await ctx.step("first", async () => 1);
      const b = await ctx.step("second", async () => 2);
      return a + b;
    });
    const { events } = await record("fn", flow, {});
    const first = new ReplaySimulator({ recording: events, handler: flow, functionName: "fn" });
    await runThrough(first);
    const snap = first.snapshot();
    // Where "first" succeeded.
    const through = snap.events.find((e) => e.EventType === "StepSucceeded" && e.Name === "first")!.EventId!;
    const seed = snap.events.filter((e) => (e.EventId ?? 0) <= through);
    expect(seed.at(-1)).toMatchObject({ EventType: "StepSucceeded", Name: "first" });
    const fork = new ReplaySimulator({ recording: events, handler: flow, functionName: "fn", seed, whatIf: true });
    fork.overrideStep(projectHistory(events).operations.find((op) => op.name === "second")!.id, { kind: "succeed", payload: "40" });
    const { pause } = await runThrough(fork);
    expect(pause).toMatchObject({ kind: "ended", status: "SUCCEEDED", result: "41" });
    const forked = fork.snapshot();
    expect(forked.invocations[0]!.replayedIds).toHaveLength(1);
    expect(forked.divergences.map((d) => d.kind)).toEqual(["outcome"]);
  });

  it("starts at a later invocation, replaying the earlier ones from the log", async () => {
    const { events } = await record("payment-with-retries", paymentWithRetries, { paymentId: "p1", amount: 10 });
    const secondEnd = events.filter((e) => e.EventType === "InvocationCompleted")[0]!.EventId!;
    const sim = new ReplaySimulator({ recording: events, handler: paymentWithRetries, functionName: "payment-with-retries", seed: events.filter((e) => e.EventId! <= secondEnd) });
    const { pause } = await runThrough(sim);
    expect(pause).toMatchObject({ kind: "ended", status: "FAILED" });
    expect(sim.snapshot().invocations[0]!.replayedIds).toHaveLength(1);
    expect(sim.snapshot().divergences).toEqual([]);
  });
});
