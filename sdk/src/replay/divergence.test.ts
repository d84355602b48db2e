import { describe, expect, it } from "vitest";
import type { OperationView } from "../history/index.js";
import type { OperationUpdate } from "../protocol/index.js";
import { checkAttemptDecision, checkContextOutcome, checkNewOperation, checkRemoved } from "./divergence.js";

function view(p: Partial<OperationView> & Pick<OperationView, "id" | "type">): OperationView {
  return { status: "SUCCEEDED", firstEventId: 1, lastEventId: 2, eventIds: [1, 2], attempts: [], truncated: false, children: [], ...p };
}

const start = (p: Partial<OperationUpdate>): OperationUpdate => ({ Id: "a", Type: "STEP", SubType: "Step", Action: "START", ...p }) as OperationUpdate;
const charge = view({ id: "a", type: "STEP", subType: "Step", name: "charge" });

describe("checkNewOperation", () => {
  it("accepts the operation the history recorded at that id", () => {
    expect(checkNewOperation(start({ Name: "charge" }), charge, true)).toBeUndefined();
  });
  it("reports a renamed step", () => {
    expect(checkNewOperation(start({ Name: "charge-v2" }), charge, true)).toMatchObject({ kind: "name", expected: { name: "charge" }, actual: { name: "charge-v2" } });
  });
  it("reports a changed type (a step that became a wait)", () => {
    expect(checkNewOperation(start({ Type: "WAIT", SubType: "Wait", Name: "charge" }), charge, true)).toMatchObject({ kind: "type", expected: { type: "STEP" }, actual: { type: "WAIT" } });
  });
  it("reports a changed sub type and a moved parent", () => {
    expect(checkNewOperation(start({ SubType: "WaitForCondition", Name: "charge" }), charge, true)?.kind).toBe("subType");
    expect(checkNewOperation(start({ Name: "charge", ParentId: "ctx" }), charge, true)?.kind).toBe("parent");
  });
  it("reports an operation a finished history never had, but not one past the end of a running one", () => {
    expect(checkNewOperation(start({ Name: "extra" }), undefined, true)).toMatchObject({ kind: "unrecorded", actual: { name: "extra" } });
    expect(checkNewOperation(start({ Name: "extra" }), undefined, false)).toBeUndefined();
  });
});

describe("checkRemoved", () => {
  const ops = [view({ id: "x", type: "EXECUTION" }), charge, view({ id: "b", type: "STEP", name: "ship" }), view({ id: "c", type: "STEP", name: "pack", parentId: "ctx" })];
  it("names the first recorded operation of a level the code never asked for", () => {
    expect(checkRemoved(undefined, ops, new Set(["a"]))).toMatchObject({ kind: "removed", operationId: "b", expected: { name: "ship" } });
    expect(checkRemoved(undefined, ops, new Set(["a", "b"]))).toBeUndefined();
    expect(checkRemoved("ctx", ops, new Set(["a", "b"]))?.operationId).toBe("c");
  });
});

describe("checkAttemptDecision", () => {
  const failedOnce = view({ id: "a", type: "STEP", name: "charge", attempts: [{ number: 1, status: "FAILED", nextAttemptDelaySeconds: 2 }] });
  it("accepts the same decision, whatever the delay", () => {
    expect(checkAttemptDecision({ ...start({}), Action: "RETRY", StepOptions: { NextAttemptDelaySeconds: 9 } }, failedOnce, failedOnce.attempts[0])).toBeUndefined();
  });
  it("reports a strategy that gives up where the record tried again", () => {
    expect(checkAttemptDecision({ ...start({}), Action: "FAIL" }, failedOnce, failedOnce.attempts[0])).toMatchObject({ kind: "retry", expected: { detail: "try again" }, actual: { detail: "stop trying" } });
  });
});

describe("checkContextOutcome", () => {
  const ctx = view({ id: "c", type: "CONTEXT", name: "shipping", result: '{"a":1,"b":2}' });
  it("accepts the same result in another key order", () => {
    expect(checkContextOutcome({ Id: "c", Type: "CONTEXT", Action: "SUCCEED", Payload: '{"b":2,"a":1}' } as OperationUpdate, ctx)).toBeUndefined();
  });
  it("reports another result", () => {
    expect(checkContextOutcome({ Id: "c", Type: "CONTEXT", Action: "SUCCEED", Payload: '{"a":3}' } as OperationUpdate, ctx)).toMatchObject({ kind: "outcome" });
  });
});
