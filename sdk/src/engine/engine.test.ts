import { describe, expect, it } from "vitest";
import { withDurableExecution, type DurableExecutionHandler } from "../runtime/index.js";
import { DurableExecutionInvocationInputWithClient } from "../runtime/client.js";
import { createRetryStrategy, JitterStrategy } from "../runtime/retry.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock, type FunctionInfo } from "./index.js";
import type { Event } from "../protocol/index.js";

/** An engine in memory on a virtual clock running `handler` as function "fn". */
function setup(handler: DurableExecutionHandler) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const fn: FunctionInfo = { functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" };
  const lambdaHandler = withDurableExecution(handler);
  let invocations = 0;
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock,
    resolveFunction: (name) => (name === "fn" ? fn : undefined),
    invoke: async (_fn, event, requestId) => {
      invocations++;
      return lambdaHandler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId });
    },
  });
  /** Lets invocations run, firing timers until nothing is left to do. */
  async function settle() {
    for (;;) {
      await engine.idle();
      if (!clock.fireNext()) break;
      await engine.idle();
      const rec = engine.getExecution({ DurableExecutionArn: current! });
      if (rec.Status !== "RUNNING") break;
    }
  }
  let current: string | undefined;
  const start = (payload?: unknown) => {
    current = engine.startExecution({ functionName: "fn", payload: payload === undefined ? undefined : JSON.stringify(payload) }).arn;
    return current;
  };
  const history = (arn: string) => engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events;
  return { engine, clock, start, settle, history, invocations: () => invocations };
}

const types = (events: Event[]) => events.map((e) => e.EventType);

describe("engine + runtime", () => {
  it("runs a step and returns its result, writing Lambda's history", async () => {
    const t = setup(async (event: { name: string }, ctx) => ctx.step("greet", async () => `Hello, ${event.name}!`));
    const arn = t.start({ name: "World" });
    await t.settle();
    const exec = t.engine.getExecution({ DurableExecutionArn: arn });
    expect(exec.Status).toBe("SUCCEEDED");
    expect(exec.Result).toBe('"Hello, World!"');
    const events = t.history(arn);
    expect(types(events)).toEqual(["ExecutionStarted", "StepStarted", "StepSucceeded", "InvocationCompleted", "ExecutionSucceeded"]);
    expect(events.map((e) => e.EventId)).toEqual([1, 2, 3, 4, 5]);
    expect(events[1]).toMatchObject({ Id: "c4ca4238a0b92382", Name: "greet", SubType: "Step" });
    expect(events[2]!.StepSucceededDetails).toEqual({ Result: { Payload: '"Hello, World!"', Truncated: false }, RetryDetails: { CurrentAttempt: 1 } });
  });

  it("suspends on a wait, completes it by timer and re-invokes", async () => {
    const t = setup(async (_e, ctx) => {
      const a = await ctx.step(async () => 1);
      await ctx.wait({ seconds: 30 });
      return a + (await ctx.step(async () => 2));
    });
    const arn = t.start();
    await t.engine.idle();
    expect(t.engine.getExecution({ DurableExecutionArn: arn }).Status).toBe("RUNNING");
    expect(types(t.history(arn))).toEqual(["ExecutionStarted", "StepStarted", "StepSucceeded", "WaitStarted", "InvocationCompleted"]);
    const waitStarted = t.history(arn)[3]!;
    expect(waitStarted.WaitStartedDetails!.Duration).toBe(30);
    expect(waitStarted.WaitStartedDetails!.ScheduledEndTimestamp!.getTime() - waitStarted.EventTimestamp!.getTime()).toBe(30_000);

    await t.settle();
    const exec = t.engine.getExecution({ DurableExecutionArn: arn });
    expect(exec.Status).toBe("SUCCEEDED");
    expect(exec.Result).toBe("3");
    expect(types(t.history(arn)).slice(5)).toEqual(["WaitSucceeded", "StepStarted", "StepSucceeded", "InvocationCompleted", "ExecutionSucceeded"]);
    expect(t.invocations()).toBe(2);
  });

  it("retries a failing step with 1-based attempts and fails the execution when retries run out", async () => {
    let calls = 0;
    const t = setup(async (_e, ctx) =>
      ctx.step(
        "charge",
        async () => {
          calls++;
          throw new Error(`card declined ${calls}`);
        },
        { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 2 }, jitter: JitterStrategy.NONE }) },
      ),
    );
    const arn = t.start();
    await t.settle();
    expect(calls).toBe(3);
    const exec = t.engine.getExecution({ DurableExecutionArn: arn });
    expect(exec.Status).toBe("FAILED");
    expect(exec.Error).toMatchObject({ ErrorType: "StepError", ErrorMessage: "card declined 3" });
    const failed = t.history(arn).filter((e) => e.EventType === "StepFailed");
    expect(failed.map((e) => e.StepFailedDetails!.RetryDetails)).toEqual([
      { CurrentAttempt: 1, NextAttemptDelaySeconds: 2 },
      { CurrentAttempt: 2, NextAttemptDelaySeconds: 4 },
      { CurrentAttempt: 3 },
    ]);
    expect(types(t.history(arn))).toEqual([
      "ExecutionStarted",
      "StepStarted", "StepFailed", "InvocationCompleted",
      "StepStarted", "StepFailed", "InvocationCompleted",
      "StepStarted", "StepFailed", "InvocationCompleted",
      "ExecutionFailed",
    ]);
  });

  it("replays completed steps without running them again", async () => {
    const runs: string[] = [];
    const t = setup(async (_e, ctx) => {
      await ctx.step("a", async () => runs.push("a"));
      await ctx.wait("pause", { seconds: 5 });
      await ctx.step("b", async () => runs.push("b"));
      return runs.length;
    });
    const arn = t.start();
    await t.settle();
    expect(runs).toEqual(["a", "b"]);
    expect(t.engine.getExecution({ DurableExecutionArn: arn }).Result).toBe("2");
  });

  it("fails the execution when code no longer matches the recorded history", async () => {
    let version = 1;
    const t = setup(async (_e, ctx) => {
      if (version === 1) await ctx.step("first", async () => 1);
      else await ctx.wait("first", { seconds: 1 });
      await ctx.wait({ seconds: 10 });
      return "done";
    });
    const arn = t.start();
    await t.engine.idle();
    version = 2;
    await t.settle();
    const exec = t.engine.getExecution({ DurableExecutionArn: arn });
    expect(exec.Status).toBe("FAILED");
    expect(exec.Error?.ErrorType).toBe("NonDeterministicExecutionError");
    expect(exec.Error?.ErrorMessage).toContain("type STEP was recorded, the code asks for WAIT");
  });

  it("nests child context operations under their parent id", async () => {
    const t = setup(async (_e, ctx) =>
      ctx.runInChildContext("batch", async (child) => (await child.step("inner", async () => 20)) + 1),
    );
    const arn = t.start();
    await t.settle();
    expect(t.engine.getExecution({ DurableExecutionArn: arn }).Result).toBe("21");
    const events = t.history(arn);
    const inner = events.find((e) => e.Name === "inner")!;
    expect(inner.Id).toBe("ea66c06c1e1c05fa"); // md5("1-1")
    expect(inner.ParentId).toBe("c4ca4238a0b92382");
    expect(types(events)).toContain("ContextSucceeded");
  });
});

describe("engine activity", () => {
  it("is busy from the moment an invocation is due until the last one returns, timers aside", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t = setup(async (_e, ctx) => {
      await ctx.step(async () => gate);
      await ctx.wait({ seconds: 60 });
    });
    expect(t.engine.busy).toBe(false);
    t.start();
    expect(t.engine.busy).toBe(true);
    release();
    await t.engine.idle();
    // Suspended on the wait: its timer is armed, but nothing runs.
    expect(t.engine.busy).toBe(false);
    expect(t.clock.nextTimerAt()).toBeDefined();
  });
});

describe("engine API rules", () => {
  it("rejects a stale checkpoint token and answers a retried request by its ClientToken", async () => {
    let tokenSeen = "";
    const engine: Engine = new Engine({
      store: new MemoryStore(),
      clock: new VirtualClock(),
      resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
      invoke: async (_fn, event) => {
        tokenSeen = event.CheckpointToken;
        const update = { Id: "c4ca4238a0b92382", Type: "WAIT" as const, Action: "START" as const, WaitOptions: { WaitSeconds: 60 } };
        const first = engine.checkpoint({ DurableExecutionArn: event.DurableExecutionArn, CheckpointToken: tokenSeen, ClientToken: "ct-1", Updates: [update] });
        const retried = engine.checkpoint({ DurableExecutionArn: event.DurableExecutionArn, CheckpointToken: tokenSeen, ClientToken: "ct-1", Updates: [update] });
        expect(retried).toEqual(first);
        expect(() => engine.checkpoint({ DurableExecutionArn: event.DurableExecutionArn, CheckpointToken: tokenSeen, Updates: [] })).toThrow(/Invalid Checkpoint Token/);
        return { Status: "PENDING" };
      },
    });
    const { arn } = engine.startExecution({ functionName: "fn" });
    await engine.idle();
    const events = engine.getExecutionHistory({ DurableExecutionArn: arn }).Events;
    expect(events.filter((e) => e.EventType === "WaitStarted")).toHaveLength(1);
    expect(() => engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: tokenSeen, Updates: [] })).toThrow(/Invalid Checkpoint Token/);
  });

  it("pages history with markers and lists executions newest first", async () => {
    const t = setup(async (_e, ctx) => ctx.step(async () => "x"));
    const first = t.start();
    await t.settle();
    const second = t.start();
    await t.settle();
    const page1 = t.engine.getExecutionHistory({ DurableExecutionArn: first, MaxItems: 2 });
    expect(page1.Events.map((e) => e.EventId)).toEqual([1, 2]);
    const page2 = t.engine.getExecutionHistory({ DurableExecutionArn: first, MaxItems: 2, Marker: page1.NextMarker });
    expect(page2.Events.map((e) => e.EventId)).toEqual([3, 4]);
    const last = t.engine.getExecutionHistory({ DurableExecutionArn: first, MaxItems: 2, Marker: page2.NextMarker });
    expect(last.Events.map((e) => e.EventId)).toEqual([5]);
    expect(last.NextMarker).toBeUndefined();
    const list = t.engine.listExecutionsByFunction({ FunctionName: "fn" });
    expect(list.DurableExecutions!.map((e) => e.DurableExecutionArn)).toEqual([second, first]);
    const oldest = t.engine.listExecutionsByFunction({ FunctionName: "fn", ReverseOrder: true, MaxItems: 1 });
    expect(oldest.DurableExecutions!.map((e) => e.DurableExecutionArn)).toEqual([first]);
    expect(oldest.NextMarker).toBeDefined();
  });

  it("names the problem in bad input", () => {
    const t = setup(async () => 1);
    expect(() => t.engine.startExecution({ functionName: "nope" })).toThrow(/Function not found: nope/);
    expect(() => t.engine.startExecution({ functionName: "fn", name: "bad name!" })).toThrow(/DurableExecutionName/);
    expect(() => t.engine.getExecution({ DurableExecutionArn: "arn:nope" })).toThrow(/not found/);
  });
});
