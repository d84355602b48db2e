import { describe, expect, it } from "vitest";
import { FIXTURE_FILES, fixtureEvents } from "../local/recorded-histories.test-support.js";
import type { Event, EventType } from "../protocol/index.js";
import { comparePayloads, diffExecutions, diffJson, formatJsonPath, type JsonValue, type OperationDiff } from "./index.js";

const T0 = Date.parse("2026-01-01T00:00:00Z");

interface EventSpec {
  name?: string;
  parentId?: string;
  subType?: string;
  details?: Record<string, unknown>;
  /** Milliseconds after the run's start. */
  at?: number;
}

/** A hand-made history: events get consecutive EventIds and timestamps `at` ms after `start`. */
function history(start: number, write: (event: (type: EventType, id: string | undefined, spec?: EventSpec) => void) => void): Event[] {
  const events: Event[] = [];
  let last = 0;
  write((type, id, spec = {}) => {
    last = spec.at ?? last;
    const e: Record<string, unknown> = { EventType: type, EventId: events.length + 1, EventTimestamp: new Date(start + last), [`${type}Details`]: spec.details ?? {} };
    if (id !== undefined) e.Id = id;
    if (spec.name !== undefined) e.Name = spec.name;
    if (spec.parentId !== undefined) e.ParentId = spec.parentId;
    if (spec.subType !== undefined) e.SubType = spec.subType;
    events.push(e as Event);
  });
  return events;
}

const payload = (value: unknown) => ({ Payload: JSON.stringify(value) });

interface OrderRun {
  runId?: string;
  start?: number;
  /** Milliseconds the charge step takes. */
  chargeMs?: number;
  validateName?: string;
  chargeResult?: unknown;
  /** Attempts of the charge step that fail before one succeeds. */
  declines?: number;
  /** The charge step fails for good: the execution fails. */
  fails?: boolean;
  /** An audit step after charging. */
  audit?: boolean;
  /** Leaves out the gift-wrap step inside the shipping context. */
  noGiftWrap?: boolean;
}

/**
 * An order workflow: validate, a "ship" child context (pack, gift-wrap), charge with retries,
 * optionally audit. Ids are fixed per position, as a runtime derives them.
 */
function orderRun(o: OrderRun = {}): Event[] {
  const runId = o.runId ?? "run-a";
  return history(o.start ?? T0, (event) => {
    event("ExecutionStarted", runId, { name: runId, details: { Input: payload({ orderId: "1" }) } });
    event("StepStarted", "s1", { name: o.validateName ?? "validate", subType: "Step", at: 10 });
    event("StepSucceeded", "s1", { name: o.validateName ?? "validate", subType: "Step", details: { Result: payload({ ok: true }), RetryDetails: { CurrentAttempt: 1 } }, at: 20 });
    event("ContextStarted", "c1", { name: "ship", subType: "RunInChildContext", at: 30 });
    event("StepStarted", "c1-1", { name: "pack", parentId: "c1", subType: "Step" });
    event("StepSucceeded", "c1-1", { name: "pack", parentId: "c1", subType: "Step", details: { Result: payload("box"), RetryDetails: {} }, at: 40 });
    if (!o.noGiftWrap) {
      event("StepStarted", "c1-2", { name: "gift-wrap", parentId: "c1", subType: "Step" });
      event("StepSucceeded", "c1-2", { name: "gift-wrap", parentId: "c1", subType: "Step", details: { Result: payload("ribbon"), RetryDetails: {} }, at: 50 });
    }
    event("ContextSucceeded", "c1", { name: "ship", subType: "RunInChildContext", details: { Result: payload({ packed: true }) } });
    let at = 100;
    const declines = o.fails ? 2 : (o.declines ?? 0);
    for (let attempt = 1; attempt <= declines; attempt++) {
      event("StepStarted", "s2", { name: "charge", subType: "Step", at });
      const retry = o.fails && attempt === declines ? { CurrentAttempt: attempt } : { CurrentAttempt: attempt, NextAttemptDelaySeconds: 1 };
      event("StepFailed", "s2", { name: "charge", subType: "Step", details: { Error: { Payload: { ErrorType: "Declined", ErrorMessage: `declined (attempt ${attempt})` } }, RetryDetails: retry }, at: at + 5 });
      event("InvocationCompleted", undefined, { details: { StartTimestamp: new Date(T0), EndTimestamp: new Date(T0 + at + 5), RequestId: `r${attempt}` } });
      at += 1000;
    }
    if (o.fails) {
      event("ExecutionFailed", runId, { details: { Error: { Payload: { ErrorType: "Declined", ErrorMessage: "declined (attempt 2)" } } }, at: at + 10 });
      return;
    }
    event("StepStarted", "s2", { name: "charge", subType: "Step", at });
    event("StepSucceeded", "s2", { name: "charge", subType: "Step", details: { Result: payload(o.chargeResult ?? { amount: 10, currency: "EUR" }), RetryDetails: {} }, at: at + (o.chargeMs ?? 50) });
    if (o.audit) {
      event("StepStarted", "s3", { name: "audit", subType: "Step" });
      event("StepSucceeded", "s3", { name: "audit", subType: "Step", details: { Result: payload("logged"), RetryDetails: {} } });
    }
    event("InvocationCompleted", undefined, { details: { StartTimestamp: new Date(T0), EndTimestamp: new Date(T0 + 2000), RequestId: "last" } });
    event("ExecutionSucceeded", runId, { details: { Result: payload({ total: 10 }) }, at: at + 200 });
  });
}

const byId = (ops: readonly OperationDiff[], id: string) => ops.find((op) => op.id === id)!;
const outline = (ops: readonly OperationDiff[]) => ops.map((op) => `${"  ".repeat(op.depth)}${op.id} ${op.kind}`);

describe("diffExecutions on hand-made histories", () => {
  it("finds nothing changed between a history and itself", () => {
    const events = orderRun();
    const diff = diffExecutions(events, events);
    expect(diff.summary.changed).toBe(false);
    expect(diff.summary.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 5 });
    expect(diff.operations.every((op) => op.fields.length === 0 && op.payloads.length === 0)).toBe(true);
    expect(diff.summary.status).toEqual({ left: "SUCCEEDED", right: "SUCCEEDED" });
    expect(diff.summary.invocations).toEqual({ left: 1, right: 1, delta: 0 });
    expect(diff.problems).toEqual({ left: [], right: [] });
  });

  it("pairs two runs of the same code despite their own execution Ids, and reports only timing", () => {
    const diff = diffExecutions(orderRun(), orderRun({ runId: "run-b", start: T0 + 86_400_000, chargeMs: 450 }));
    expect(diff.summary.changed).toBe(false);
    expect(diff.summary.durationMs).toEqual({ left: 300, right: 300, delta: 0 });
    const charge = byId(diff.operations, "s2");
    expect(charge.kind).toBe("unchanged");
    expect(charge.timing).toEqual({ left: { startOffsetMs: 100, durationMs: 50 }, right: { startOffsetMs: 100, durationMs: 450 }, startOffsetDeltaMs: 0, durationDeltaMs: 400 });
  });

  it("keeps program order as an indented tree", () => {
    expect(outline(diffExecutions(orderRun(), orderRun()).operations)).toEqual(["s1 unchanged", "c1 unchanged", "  c1-1 unchanged", "  c1-2 unchanged", "s2 unchanged"]);
  });

  it("shows a renamed step as changed, naming both names", () => {
    const diff = diffExecutions(orderRun(), orderRun({ validateName: "check-order" }));
    const validate = byId(diff.operations, "s1");
    expect(validate.kind).toBe("changed");
    expect(validate.fields).toEqual([{ field: "name", left: "validate", right: "check-order" }]);
    expect(validate.payloads).toEqual([]);
    expect(diff.summary.counts).toMatchObject({ changed: 1, unchanged: 4 });
    expect(diff.summary.changed).toBe(true);
  });

  it("places an added step where the right has it, with its payloads as additions", () => {
    const diff = diffExecutions(orderRun(), orderRun({ audit: true }));
    expect(outline(diff.operations)).toEqual(["s1 unchanged", "c1 unchanged", "  c1-1 unchanged", "  c1-2 unchanged", "s2 unchanged", "s3 added"]);
    const audit = byId(diff.operations, "s3");
    expect(audit.left).toBeUndefined();
    expect(audit.right?.name).toBe("audit");
    expect(audit.payloads.map((p) => [p.field, p.changes])).toEqual([["result", [{ kind: "added", path: [], right: "logged" }]]]);
    expect(audit.timing.left).toEqual({});
    expect(audit.timing.startOffsetDeltaMs).toBeUndefined();
  });

  it("keeps a removed step in its place, inside its context", () => {
    const diff = diffExecutions(orderRun(), orderRun({ noGiftWrap: true }));
    expect(outline(diff.operations)).toEqual(["s1 unchanged", "c1 unchanged", "  c1-1 unchanged", "  c1-2 removed", "s2 unchanged"]);
    expect(byId(diff.operations, "c1-2").payloads[0]?.changes).toEqual([{ kind: "removed", path: [], left: "ribbon" }]);
    expect(diff.summary.counts).toEqual({ added: 0, removed: 1, changed: 0, unchanged: 4 });
  });

  it("diffs a changed result member by member", () => {
    const diff = diffExecutions(orderRun(), orderRun({ chargeResult: { amount: 12, currency: "EUR", coupon: "X1" } }));
    const charge = byId(diff.operations, "s2");
    expect(charge.kind).toBe("changed");
    expect(charge.fields).toEqual([]);
    expect(charge.payloads).toHaveLength(1);
    const result = charge.payloads[0]!;
    expect(result.field).toBe("result");
    expect(result.mode).toBe("json");
    expect(result.changes).toEqual([
      { kind: "changed", path: ["amount"], left: 10, right: 12 },
      { kind: "added", path: ["coupon"], right: "X1" },
    ]);
    expect(result.left?.text).toBe('{"amount":10,"currency":"EUR"}');
  });

  it("reports a changed retry count and the extra invocations", () => {
    const diff = diffExecutions(orderRun(), orderRun({ declines: 2 }));
    const charge = byId(diff.operations, "s2");
    expect(charge.kind).toBe("changed");
    expect(charge.fields).toEqual([{ field: "attempts", left: 1, right: 3 }]);
    expect(charge.timing.startOffsetDeltaMs).toBe(0);
    expect(diff.summary.invocations).toEqual({ left: 1, right: 3, delta: 2 });
    expect(diff.summary.changed).toBe(true);
  });

  it("compares a succeeded and a failed execution", () => {
    const diff = diffExecutions(orderRun(), orderRun({ fails: true }));
    const { summary } = diff;
    expect(summary.status).toEqual({ left: "SUCCEEDED", right: "FAILED" });
    expect(summary.result.changes).toEqual([{ kind: "removed", path: [], left: { total: 10 } }]);
    expect(summary.error.changes).toEqual([{ kind: "added", path: [], right: { ErrorType: "Declined", ErrorMessage: "declined (attempt 2)" } }]);
    expect(summary.input.changes).toEqual([]);
    const charge = byId(diff.operations, "s2");
    expect(charge.fields).toEqual([
      { field: "status", left: "SUCCEEDED", right: "FAILED" },
      { field: "attempts", left: 1, right: 2 },
    ]);
    expect(charge.payloads.map((p) => p.field)).toEqual(["result", "error"]);
  });

  it("diffs an error's data as JSON", () => {
    const failing = (data: unknown) =>
      history(T0, (event) => {
        event("ExecutionStarted", "x", { details: { Input: payload({}) } });
        event("ExecutionFailed", "x", { details: { Error: { Payload: { ErrorType: "E", ErrorMessage: "m", ErrorData: JSON.stringify(data) } } } });
      });
    const diff = diffExecutions(failing({ code: 1, retryable: true }), failing({ code: 2, retryable: true }));
    expect(diff.summary.error.changes).toEqual([{ kind: "changed", path: ["ErrorData", "code"], left: 1, right: 2 }]);
  });

  it("keeps the right's order when concurrent branches finished the other way round", () => {
    const branches = (order: string[]) =>
      history(T0, (event) => {
        event("ExecutionStarted", "x", { details: { Input: payload({}) } });
        for (const id of order) event("StepStarted", id, { subType: "Step" });
        for (const id of order) event("StepSucceeded", id, { subType: "Step", details: { Result: payload(id), RetryDetails: {} } });
      });
    const diff = diffExecutions(branches(["a", "only-left", "b", "c"]), branches(["c", "b", "a", "only-right"]));
    expect(outline(diff.operations)).toEqual(["c unchanged", "b unchanged", "a unchanged", "only-left removed", "only-right added"]);
  });

  it("follows the right when a step moved to another parent", () => {
    const placed = (parentId: string | undefined) =>
      history(T0, (event) => {
        event("ExecutionStarted", "x", { details: { Input: payload({}) } });
        event("ContextStarted", "ctx", { subType: "RunInChildContext" });
        event("StepStarted", "s", { subType: "Step", ...(parentId ? { parentId } : {}) });
      });
    const diff = diffExecutions(placed(undefined), placed("ctx"));
    expect(outline(diff.operations)).toEqual(["ctx unchanged", "  s changed"]);
    expect(byId(diff.operations, "s").fields).toEqual([{ field: "parent", right: "ctx" }]);
  });

  it("compares histories without an ExecutionStarted, offsets counting from the first event", () => {
    const partial = orderRun().filter((e) => e.Id !== "run-a");
    const diff = diffExecutions(partial, orderRun());
    expect(diff.summary.status).toEqual({ right: "SUCCEEDED" });
    expect(byId(diff.operations, "s2").timing.left.startOffsetMs).toBe(90);
    expect(diff.summary.input.changes).toEqual([{ kind: "added", path: [], right: { orderId: "1" } }]);
  });

  it("compares truncated payloads as text", () => {
    const truncatedResult = (text: string) =>
      history(T0, (event) => {
        event("ExecutionStarted", "x", { details: { Input: payload({}) } });
        event("StepStarted", "s", { subType: "Step" });
        event("StepSucceeded", "s", { subType: "Step", details: { Result: { Payload: text, Truncated: true }, RetryDetails: {} } });
      });
    const step = byId(diffExecutions(truncatedResult('{"items":[1,2'), truncatedResult('{"items":[1,3')).operations, "s");
    expect(step.payloads[0]).toMatchObject({ field: "result", mode: "text", changes: [{ kind: "changed", path: [], left: '{"items":[1,2', right: '{"items":[1,3' }] });
    expect(step.payloads[0]?.left?.truncated).toBe(true);
  });
});

describe("diffExecutions on the recorded fixtures", () => {
  it.each(FIXTURE_FILES)("finds nothing changed between %s and itself", (file) => {
    const events = fixtureEvents(file);
    const diff = diffExecutions(events, events);
    expect(diff.summary.changed).toBe(false);
    expect(diff.operations.filter((op) => op.kind !== "unchanged")).toEqual([]);
  });

  it("step-basic -> step-named: the step was named and returns something else", () => {
    const diff = diffExecutions(fixtureEvents("step-basic"), fixtureEvents("step-named"));
    expect(diff.operations).toHaveLength(1);
    const step = diff.operations[0]!;
    expect(step.id).toBe("c4ca4238a0b92382");
    expect(step.kind).toBe("changed");
    expect(step.fields).toEqual([{ field: "name", right: "process-data" }]);
    expect(step.payloads[0]?.changes).toEqual([{ kind: "changed", path: [], left: "step completed", right: "processed: default" }]);
    expect(diff.summary.result.changes).toEqual([{ kind: "changed", path: [], left: "step completed", right: "processed: default" }]);
  });

  it("hello-world -> step-basic: a step was added", () => {
    const diff = diffExecutions(fixtureEvents("hello-world"), fixtureEvents("step-basic"));
    expect(outline(diff.operations)).toEqual(["c4ca4238a0b92382 added"]);
    expect(diff.summary.counts.added).toBe(1);
  });

  it("wait -> hello-world: the wait was removed", () => {
    const diff = diffExecutions(fixtureEvents("wait"), fixtureEvents("hello-world"));
    expect(outline(diff.operations)).toEqual(["c4ca4238a0b92382 removed"]);
    expect(diff.summary.invocations.delta).toBe(-1);
  });

  it("hello-world -> handler-error: a succeeded and a failed execution", () => {
    const { summary } = diffExecutions(fixtureEvents("hello-world"), fixtureEvents("handler-error"));
    expect(summary.status).toEqual({ left: "SUCCEEDED", right: "FAILED" });
    expect(summary.result.changes).toEqual([{ kind: "removed", path: [], left: "Hello World!" }]);
    expect(summary.error.changes).toEqual([{ kind: "added", path: [], right: { ErrorType: "Error", ErrorMessage: "Intentional handler failure" } }]);
    expect(summary.changed).toBe(true);
  });

  it("step-with-retry -> retry-exhaustion: more attempts, and the step fails", () => {
    const diff = diffExecutions(fixtureEvents("step-with-retry"), fixtureEvents("retry-exhaustion"));
    const step = diff.operations[0]!;
    expect(step.fields).toEqual([
      { field: "name", right: "retries" },
      { field: "status", left: "SUCCEEDED", right: "FAILED" },
      { field: "attempts", left: 3, right: 6 },
    ]);
    expect(step.payloads.map((p) => p.field)).toEqual(["result", "error"]);
    expect(diff.summary.status).toEqual({ left: "SUCCEEDED", right: "FAILED" });
    expect(diff.summary.invocations).toEqual({ left: 3, right: 6, delta: 3 });
  });
});

describe("diffJson", () => {
  it("lists changes in document order with their paths", () => {
    const left: JsonValue = { id: 1, tags: ["a", "b"], nested: { keep: true, drop: null }, kind: "x" };
    const right: JsonValue = { id: 1, tags: ["a", "c", "d"], nested: { keep: true, add: [1] }, kind: ["x"] };
    expect(diffJson(left, right)).toEqual({
      changes: [
        { kind: "changed", path: ["tags", 1], left: "b", right: "c" },
        { kind: "added", path: ["tags", 2], right: "d" },
        { kind: "removed", path: ["nested", "drop"], left: null },
        { kind: "added", path: ["nested", "add"], right: [1] },
        { kind: "changed", path: ["kind"], left: "x", right: ["x"] },
      ],
      omitted: 0,
    });
  });

  it("finds equal values equal, whatever their key order", () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }).changes).toEqual([]);
  });

  it("tells an array from an object with the same keys, and null from a missing member", () => {
    expect(diffJson({ v: ["x"] }, { v: { 0: "x" } }).changes).toEqual([{ kind: "changed", path: ["v"], left: ["x"], right: { 0: "x" } }]);
    expect(diffJson({ v: null }, {}).changes).toEqual([{ kind: "removed", path: ["v"], left: null }]);
  });

  it("caps the changes it lists and counts the rest", () => {
    const left = Array.from({ length: 10 }, (_, i) => i);
    const diff = diffJson(left, left.map((i) => i + 1), 3);
    expect(diff.changes.map((c) => c.path)).toEqual([[0], [1], [2]]);
    expect(diff.omitted).toBe(7);
  });

  it("walks payloads nested deeper than the call stack", () => {
    const deep = (leaf: number): JsonValue => {
      let v: JsonValue = leaf;
      for (let i = 0; i < 20_000; i++) v = [v];
      return v;
    };
    const diff = diffJson(deep(1), deep(2));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]!.path).toHaveLength(20_000);
  });
});

describe("comparePayloads", () => {
  const side = (text: string, truncated = false) => ({ text, truncated });

  it("treats equal JSON written differently as equal", () => {
    expect(comparePayloads(side('{"a": 1, "b": 2}'), side('{"b":2,"a":1}'))).toMatchObject({ mode: "json", changes: [] });
  });

  it("treats equal texts as equal without parsing them", () => {
    expect(comparePayloads(side("not json"), side("not json"))).toMatchObject({ mode: "text", changes: [] });
    expect(comparePayloads(undefined, undefined)).toEqual({ mode: "text", changes: [], omitted: 0 });
  });

  it("falls back to text when a payload is not JSON", () => {
    expect(comparePayloads(side('{"a":1}'), side("plain words"))).toMatchObject({
      mode: "text",
      changes: [{ kind: "changed", path: [], left: '{"a":1}', right: "plain words" }],
    });
  });

  it("falls back to text when a payload was truncated, even if its start parses", () => {
    expect(comparePayloads(side("[1,2]", true), side("[1,3]"))).toMatchObject({ mode: "text", changes: [{ kind: "changed", path: [] }] });
  });

  it("reports a payload only one side has", () => {
    expect(comparePayloads(undefined, side('{"a":1}'))).toMatchObject({ mode: "json", changes: [{ kind: "added", path: [], right: { a: 1 } }] });
    expect(comparePayloads(side("oops"), undefined)).toMatchObject({ mode: "text", changes: [{ kind: "removed", path: [], left: "oops" }] });
  });
});

describe("formatJsonPath", () => {
  it("writes JavaScript accessors from $", () => {
    expect(formatJsonPath([])).toBe("$");
    expect(formatJsonPath(["items", 0, "unit price", "$ok"])).toBe('$.items[0]["unit price"].$ok');
  });
});
