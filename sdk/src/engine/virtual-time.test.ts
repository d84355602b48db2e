import { describe, expect, it } from "vitest";
import type { DurableExecutionInvocationOutput } from "../protocol/index.js";
import { VirtualClock } from "./clock.js";
import { Engine } from "./engine.js";
import { InProcessClient } from "./in-process-client.js";
import { MemoryStore } from "./memory-store.js";
import { VirtualTime } from "./virtual-time.js";

const fn = { functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" };

/**
 * An engine whose function plays the runtime by hand: its first invocation starts a wait of
 * `waitSeconds`, the next one succeeds. Each invocation takes a little real time, so a driver
 * that moved the clock while one runs would be caught.
 */
function waitingEngine(waitSeconds: number) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const invocationClocks: number[] = [];
  let engine!: Engine;
  engine = new Engine({
    store: new MemoryStore(),
    clock,
    resolveFunction: () => fn,
    invoke: async (_fn, event): Promise<DurableExecutionInvocationOutput> => {
      invocationClocks.push(clock.now());
      await new Promise((r) => setTimeout(r, 5));
      const client = new InProcessClient(engine);
      if (event.InitialExecutionState.Operations!.length === 1) {
        await client.checkpoint({
          DurableExecutionArn: event.DurableExecutionArn,
          CheckpointToken: event.CheckpointToken,
          Updates: [{ Id: "w1", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: waitSeconds } }],
        });
        return { Status: "PENDING" };
      }
      return { Status: "SUCCEEDED", Result: "\"done\"" };
    },
  });
  return { engine, clock, invocationClocks };
}

describe("VirtualTime", () => {
  it("runs an execution to its end, firing the wait at its instant after the invocation that started it finished", async () => {
    const { engine, clock, invocationClocks } = waitingEngine(3600);
    const start = clock.now();
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    const ended = await new VirtualTime(engine, clock).runUntil(() => engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING");
    expect(ended).toBe(true);
    expect(invocationClocks).toEqual([start, start + 3_600_000]);
    const events = engine.getExecutionHistory({ DurableExecutionArn: arn }).Events!.map((e) => [e.EventType, e.EventTimestamp!.getTime() - start]);
    expect(events).toEqual([
      ["ExecutionStarted", 0],
      ["WaitStarted", 0],
      ["InvocationCompleted", 0],
      ["WaitSucceeded", 3_600_000],
      ["InvocationCompleted", 3_600_000],
      ["ExecutionSucceeded", 3_600_000],
    ]);
  });

  it("stops after maxTimers instants and reports the execution unfinished", async () => {
    const { engine, clock } = waitingEngine(60);
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    const ended = await new VirtualTime(engine, clock).runUntil(() => engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING", 0);
    expect(ended).toBe(false);
    expect(engine.getExecution({ DurableExecutionArn: arn }).Status).toBe("RUNNING");
  });

  it("sleeps through what happens in the time it lets pass, and no further", async () => {
    const { engine, clock } = waitingEngine(10);
    const start = clock.now();
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    const time = new VirtualTime(engine, clock);
    await time.sleep(5);
    expect(time.now() - start).toBe(5000);
    expect(engine.getExecution({ DurableExecutionArn: arn }).Status).toBe("RUNNING");
    await time.sleep(5);
    await time.settle();
    expect(engine.getExecution({ DurableExecutionArn: arn }).Status).toBe("SUCCEEDED");
  });
});

describe("Engine.pendingTimers", () => {
  it("lists the armed timers earliest first, with their kind, and drops the ones that fired", async () => {
    const { engine, clock } = waitingEngine(120);
    const start = clock.now();
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    const time = new VirtualTime(engine, clock);
    await time.settle();
    expect(engine.pendingTimers()).toEqual([
      { arn, kind: "wait-end", opId: "w1", atMs: start + 120_000 },
      { arn, kind: "execution-timeout", opId: "", atMs: start + 86_400_000 },
    ]);
    await time.sleep(120);
    await time.settle();
    expect(engine.pendingTimers()).toEqual([]);
  });
});
