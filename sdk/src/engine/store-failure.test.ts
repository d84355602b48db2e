// A store that cannot write for a while (a full disk): the engine's own work, an invocation's
// end and what a timer does, is retried rather than thrown where nothing catches it (which
// would end the local service's process), and the execution finishes once writes succeed again.
import { describe, expect, it } from "vitest";
import { ServiceError, type Event, type Operation } from "../protocol/index.js";
import { allEvents, engineFor } from "../runtime/engine-run.test-support.js";
import { MemoryStore, type ExecutionRecord } from "./index.js";

/** A memory store whose writes fail, as the SQLite store's do on a full disk, while `full` is set. */
class FillingStore extends MemoryStore {
  full = false;
  private check(): void {
    if (this.full) throw new ServiceError("ServiceException", "The store cannot write: the disk is full");
  }
  override insertExecution(rec: ExecutionRecord): void {
    this.check();
    super.insertExecution(rec);
  }
  override updateExecution(rec: ExecutionRecord): void {
    this.check();
    super.updateExecution(rec);
  }
  override putOperation(arn: string, op: Operation): void {
    this.check();
    super.putOperation(arn, op);
  }
  override appendEvent(arn: string, event: Event): void {
    this.check();
    super.appendEvent(arn, event);
  }
}

describe("the engine on a store that cannot write for a while", () => {
  it("retries an invocation whose end it could not store, and records that invocation as failed", async () => {
    const store = new FillingStore();
    // Step b returns once the test opens the gate, in the invocation that fails and in its retry.
    let release: () => void = () => {};
    const gate = new Promise<number>((resolve) => (release = () => resolve(2)));
    const { engine, clock } = engineFor(
      async (_e, ctx) => {
        const a = await ctx.step("a", async () => 1);
        const b = await ctx.step("b", () => gate);
        return a + b;
      },
      { store },
    );
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    for (let i = 0; i < 100 && allEvents(engine, arn).length < 4; i++) await new Promise((r) => setTimeout(r, 5));
    const before = allEvents(engine, arn);
    expect(before.at(-1)).toMatchObject({ EventType: "StepStarted", Name: "b" });

    // The step's result cannot be stored, so the invocation fails; its end cannot be stored either.
    store.full = true;
    release();
    await engine.idle();
    expect(allEvents(engine, arn)).toEqual(before);
    expect(engine.pendingTimers().map((t) => t.kind)).toContain("reinvoke");

    store.full = false;
    clock.fireNext();
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn })).toMatchObject({ Status: "SUCCEEDED", Result: "3" });
    const events = allEvents(engine, arn);
    expect(events.map((e) => e.EventId)).toEqual(events.map((_, i) => i + 1));
    const invocations = events.filter((e) => e.EventType === "InvocationCompleted").map((e) => e.InvocationCompletedDetails!.Error?.Payload?.ErrorType);
    expect(invocations).toEqual(["ServiceException", undefined]);
    expect(events.filter((e) => e.EventType === "StepSucceeded").map((e) => e.Name)).toEqual(["a", "b"]);
  });

  it("fires a timer again when what it does cannot be stored", async () => {
    const store = new FillingStore();
    const { engine, clock } = engineFor(
      async (_e, ctx) => {
        await ctx.wait("pause", { seconds: 5 });
        return "woke";
      },
      { store },
    );
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    await engine.idle();
    const waitEnd = engine.pendingTimers().find((t) => t.kind === "wait-end")!;

    store.full = true;
    clock.fireNext();
    expect(allEvents(engine, arn).map((e) => e.EventType)).not.toContain("WaitSucceeded");
    const again = engine.pendingTimers().find((t) => t.kind === "wait-end")!;
    expect(again.atMs).toBeGreaterThan(waitEnd.atMs);

    store.full = false;
    clock.fireNext();
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn })).toMatchObject({ Status: "SUCCEEDED", Result: '"woke"' });
  });

  it("keeps a callback's answer and the wake-up it causes when only the note to invoke again cannot be stored", async () => {
    const store = new FillingStore();
    let release: () => void = () => {};
    const gate = new Promise<string>((resolve) => (release = () => resolve("slow done")));
    let callbackId = "";
    const { engine } = engineFor(
      async (_e, ctx) => {
        const [answer, id] = await ctx.createCallback("approval");
        callbackId = id;
        const slow = await ctx.step("slow", () => gate);
        return `${slow}, ${await answer}`;
      },
      { store },
    );
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    for (let i = 0; i < 100 && !callbackId; i++) await new Promise((r) => setTimeout(r, 5));
    // The invocation is still running (its step waits); only the wake-up note will fail to store.
    const update = store.updateExecution.bind(store);
    store.updateExecution = (rec) => {
      if (rec.wakePending) throw new ServiceError("ServiceException", "The store cannot write: the disk is full");
      update(rec);
    };
    expect(() => engine.sendCallbackSuccess(callbackId, "yes")).not.toThrow();
    store.updateExecution = update;
    release();
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn })).toMatchObject({ Status: "SUCCEEDED", Result: '"slow done, yes"' });
  });
});
