import type { Event } from "@durable-lens/sdk/protocol";
import { describe, expect, it } from "vitest";
import { callbackDeadline, heartbeatDeadline, openCallbacks } from "./pending-callbacks";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
let nextId = 1;
const event = (e: Event): Event => ({ EventId: nextId++, EventTimestamp: at(nextId), ...e });

const started = event({ EventType: "ExecutionStarted", Id: "exec", ExecutionStartedDetails: { Input: {}, ExecutionTimeout: 60 } });
const named = event({ EventType: "CallbackStarted", Id: "c1", Name: "approval", CallbackStartedDetails: { CallbackId: "Y2Ix", Timeout: 3600, HeartbeatTimeout: 60 } });
const context = event({ EventType: "ContextStarted", Id: "ctx", Name: "sign-off", SubType: "WaitForCallback" });
const inner = event({ EventType: "CallbackStarted", Id: "c2", ParentId: "ctx", CallbackStartedDetails: { CallbackId: "Y2Iy" } });

describe("openCallbacks", () => {
  it("lists started callbacks with their own name or their waitForCallback context's, ids and timeouts", () => {
    expect(openCallbacks([started, named, context, inner])).toEqual([
      { operationId: "c1", callbackId: "Y2Ix", name: "approval", startedAt: named.EventTimestamp, timeoutSeconds: 3600, heartbeatTimeoutSeconds: 60 },
      { operationId: "c2", callbackId: "Y2Iy", name: "sign-off", startedAt: inner.EventTimestamp },
    ]);
  });

  it("drops callbacks that succeeded, failed or timed out", () => {
    for (const type of ["CallbackSucceeded", "CallbackFailed", "CallbackTimedOut"] as const) {
      const closed = event({ EventType: type, Id: "c1" });
      expect(openCallbacks([started, named, context, inner, closed]).map((c) => c.operationId)).toEqual(["c2"]);
    }
  });

  it("has none once the execution ended, whatever was left open", () => {
    for (const type of ["ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionStopped"] as const) {
      expect(openCallbacks([started, named, event({ EventType: type, Id: "exec" })])).toEqual([]);
    }
  });
});

describe("deadlines", () => {
  const cb = { startedAt: at(0), timeoutSeconds: 3600, heartbeatTimeoutSeconds: 60 };

  it("times out at start + timeout", () => {
    expect(callbackDeadline(cb)).toBe(at(3600).getTime());
    expect(callbackDeadline({ startedAt: at(0) })).toBeUndefined();
  });

  it("expects the next heartbeat a heartbeat timeout after the start or the last heartbeat, whichever is later", () => {
    expect(heartbeatDeadline(cb)).toBe(at(60).getTime());
    expect(heartbeatDeadline(cb, at(100).getTime())).toBe(at(160).getTime());
    expect(heartbeatDeadline(cb, at(-100).getTime())).toBe(at(60).getTime());
    expect(heartbeatDeadline({ startedAt: at(0) })).toBeUndefined();
  });
});
