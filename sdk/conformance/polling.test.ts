import { describe, expect, it } from "vitest";
import { nameWaitForCallbackChildren, statusFromEvents } from "./polling.js";

describe("statusFromEvents", () => {
  it("reads the status from the last Execution* event", () => {
    expect(statusFromEvents([{ EventType: "ExecutionStarted" }, { EventType: "StepStarted" }])).toBeUndefined();
    expect(statusFromEvents([{ EventType: "ExecutionStarted" }, { EventType: "ExecutionFailed" }, { EventType: "InvocationCompleted" }])).toBe("FAILED");
    expect(statusFromEvents([{ EventType: "ExecutionStopped" }])).toBe("STOPPED");
  });
});

describe("nameWaitForCallbackChildren", () => {
  it("gives unnamed callback and step events inside a WaitForCallback context that context's name", () => {
    const events = [
      { EventType: "ContextStarted", SubType: "WaitForCallback", Id: "c", Name: "approve" },
      { EventType: "CallbackStarted", Id: "cb", ParentId: "c" },
      { EventType: "StepStarted", Id: "s", ParentId: "c" },
      { EventType: "StepSucceeded", Id: "s", ParentId: "c", Name: "own" },
      { EventType: "WaitStarted", Id: "w", ParentId: "c" },
      { EventType: "CallbackStarted", Id: "cb2" },
    ];
    expect(nameWaitForCallbackChildren(events).map((e) => e.Name)).toEqual(["approve", "approve", "approve", "own", undefined, undefined]);
  });
});
