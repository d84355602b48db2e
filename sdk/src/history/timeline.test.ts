import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { FIXTURE_FILES, fixtureEvents } from "../local/recorded-histories.test-support.js";
import { buildTimeline, projectHistory, type TimelineModel } from "./index.js";
import { at as inlineAt, inlineHistory } from "./inline-history.test-support.js";

const timelineOf = (events: readonly Event[]): TimelineModel => buildTimeline(projectHistory(events));
const t = (iso: string) => Date.parse(iso);

describe("buildTimeline on step-with-retry", () => {
  const all = fixtureEvents("step-with-retry");
  const model = timelineOf(all);
  const step = model.rows.find((r) => r.operation.type === "STEP")!;

  it("draws every attempt and the back-off gap before each retry", () => {
    expect(step.segments.map((s) => [s.kind, s.attempt, s.status, s.start, s.end])).toEqual([
      ["attempt", 1, "FAILED", t("2025-12-03T22:59:52.610Z"), t("2025-12-03T22:59:52.610Z")],
      ["backoff", 1, "SCHEDULED", t("2025-12-03T22:59:52.610Z"), t("2025-12-03T22:59:53.613Z")],
      ["attempt", 2, "FAILED", t("2025-12-03T22:59:53.613Z"), t("2025-12-03T22:59:53.614Z")],
      ["backoff", 2, "SCHEDULED", t("2025-12-03T22:59:53.614Z"), t("2025-12-03T22:59:55.620Z")],
      ["attempt", 3, "SUCCEEDED", t("2025-12-03T22:59:55.620Z"), t("2025-12-03T22:59:55.621Z")],
    ]);
    expect(step.deadline).toBeUndefined();
  });

  it("has one lane per invocation, each naming the attempt it ran", () => {
    expect(model.lanes.map((l) => [l.number, l.eventId, l.start, l.end, l.operationIds, l.unfinished])).toEqual([
      [1, 4, t("2025-12-03T22:59:52.607Z"), t("2025-12-03T22:59:52.662Z"), [step.operation.id], false],
      [2, 7, t("2025-12-03T22:59:53.611Z"), t("2025-12-03T22:59:53.666Z"), [step.operation.id], false],
      [3, 10, t("2025-12-03T22:59:55.617Z"), t("2025-12-03T22:59:55.621Z"), [step.operation.id], false],
    ]);
    expect(step.invocations).toEqual([1, 2, 3]);
    expect(model.rows[0]!.invocations).toEqual([]);
  });

  it("spans the execution and is closed", () => {
    expect([model.start, model.end, model.open]).toEqual([t("2025-12-03T22:59:52.607Z"), t("2025-12-03T22:59:55.621Z"), false]);
  });

  it("leaves the back-off open with the retry's due time while the step waits to retry", () => {
    const pending = timelineOf(all.filter((e) => e.EventId! <= 4));
    const row = pending.rows.find((r) => r.operation.type === "STEP")!;
    expect(row.segments.at(-1)).toEqual({ kind: "backoff", start: t("2025-12-03T22:59:52.610Z"), status: "SCHEDULED", attempt: 1 });
    expect(row.deadline).toEqual({ at: t("2025-12-03T22:59:53.610Z"), kind: "retry-starts" });
    expect(pending.open).toBe(true);
    // The execution itself is still running too.
    expect(pending.rows[0]!.segments[0]!.end).toBeUndefined();
  });

  it("counts events after the last InvocationCompleted as a run still going", () => {
    const running = timelineOf(all.filter((e) => e.EventId! <= 5));
    expect(running.lanes.at(-1)).toEqual({ number: 2, operationIds: [step.operation.id], unfinished: true, start: t("2025-12-03T22:59:53.613Z") });
  });
});

describe("buildTimeline on waits and contexts", () => {
  it("draws a wait from its start to when it fired, and the wait's due time while it runs", () => {
    const all = fixtureEvents("wait");
    const wait = timelineOf(all).rows.find((r) => r.operation.type === "WAIT")!;
    expect(wait.segments).toEqual([{ kind: "wait", start: t("2025-12-03T22:59:56.847Z"), end: t("2025-12-03T22:59:58.848Z"), status: "SUCCEEDED" }]);
    const waiting = timelineOf(all.filter((e) => e.EventId! <= 3)).rows.find((r) => r.operation.type === "WAIT")!;
    expect(waiting.segments[0]!.end).toBeUndefined();
    expect(waiting.deadline).toEqual({ at: t("2025-12-03T22:59:58.847Z"), kind: "wait-ends" });
  });

  it("stops what never finished at the execution's end once the execution is over", () => {
    const model = timelineOf(fixtureEvents("wait-unawaited"));
    const wait = model.rows.find((r) => r.operation.type === "WAIT")!;
    const exec = model.rows[0]!.segments[0]!;
    expect(wait.operation.status).toBe("STARTED");
    expect(wait.segments[0]!.end).toBe(exec.end);
    expect(wait.segments[0]!.cutOff).toBe(true);
    expect(wait.deadline).toBeUndefined();
    expect(model.open).toBe(false);
  });

  it("orders rows as the tree, with depth, and marks which invocation ran each branch", () => {
    const model = timelineOf(fixtureEvents("parallel-wait"));
    expect(model.rows.map((r) => [r.operation.name ?? r.operation.type, r.depth, r.invocations])).toEqual([
      ["EXECUTION", 0, []],
      ["parent-block", 0, [1, 4]],
      ["parallel-branch-0", 1, [1, 2]],
      ["wait-1-second", 2, [1]],
      ["parallel-branch-1", 1, [1, 3]],
      ["wait-2-seconds", 2, [1]],
      ["parallel-branch-2", 1, [1, 4]],
      ["wait-5-seconds", 2, [1]],
    ]);
  });
});

describe("buildTimeline on callbacks and invokes", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  const events: Event[] = [
    { EventType: "ExecutionStarted", EventId: 1, Id: "exec", EventTimestamp: at(0), ExecutionStartedDetails: { Input: {}, ExecutionTimeout: 900 } },
    { EventType: "CallbackStarted", EventId: 2, Id: "cb", Name: "approve", EventTimestamp: at(1), CallbackStartedDetails: { CallbackId: "cb-1", Timeout: 3600 } },
    { EventType: "ChainedInvokeStarted", EventId: 3, Id: "inv", EventTimestamp: at(2), ChainedInvokeStartedDetails: { FunctionName: "other" } },
    { EventType: "InvocationCompleted", EventId: 4, EventTimestamp: at(3), InvocationCompletedDetails: { StartTimestamp: at(0), EndTimestamp: at(3), RequestId: "r1" } },
    { EventType: "ChainedInvokeSucceeded", EventId: 5, Id: "inv", EventTimestamp: at(9), ChainedInvokeSucceededDetails: { Result: { Payload: "1" } } },
  ];
  const model = timelineOf(events);

  it("gives a pending callback its timeout as the deadline", () => {
    const cb = model.rows.find((r) => r.operation.id === "cb")!;
    expect(cb.segments).toEqual([{ kind: "callback", start: at(1).getTime(), status: "STARTED" }]);
    expect(cb.deadline).toEqual({ at: at(3601).getTime(), kind: "callback-times-out" });
  });

  it("draws the invoke to its result, and does not count the service's result as a run of the function", () => {
    const inv = model.rows.find((r) => r.operation.id === "inv")!;
    expect(inv.segments).toEqual([{ kind: "invoke", start: at(2).getTime(), end: at(9).getTime(), status: "SUCCEEDED" }]);
    expect(model.lanes).toHaveLength(1);
    expect(model.lanes[0]!.operationIds).toEqual(["cb", "inv"]);
    expect(model.open).toBe(true);
  });
});

describe("buildTimeline on every recorded history", () => {
  it.each(FIXTURE_FILES)("%s: bars lie within the timeline and nothing is left open", (name) => {
    const model = timelineOf(fixtureEvents(name));
    expect(model.open).toBe(false);
    expect(model.rows.length).toBeGreaterThan(0);
    for (const row of model.rows) {
      for (const s of row.segments) {
        expect(s.end).toBeDefined();
        expect(s.start).toBeLessThanOrEqual(s.end!);
        expect(s.start).toBeGreaterThanOrEqual(model.start!);
        expect(s.end!).toBeLessThanOrEqual(model.end!);
      }
    }
  });
});

describe("buildTimeline once the execution ended mid-run", () => {
  // The execution times out while its second run is still going: no InvocationCompleted follows.
  const events = inlineHistory()
    .add("ExecutionStarted", "exec")
    .add("StepStarted", "s", { Name: "slow", at: 10 })
    .add("StepFailed", "s", { Name: "slow", at: 20, details: { RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 60 } } })
    .add("InvocationCompleted", undefined, { at: 25, details: { StartTimestamp: inlineAt(0), EndTimestamp: inlineAt(25) } })
    .add("WaitStarted", "w", { Name: "hold", at: 40, details: { Duration: 3600 } })
    .add("ExecutionTimedOut", "exec", { at: 90 }).events;
  const model = timelineOf(events);

  it("ends the cut-off run at the execution's end and says so", () => {
    expect(model.lanes.at(-1)).toEqual({ number: 2, operationIds: ["w"], unfinished: true, start: inlineAt(40).getTime(), end: inlineAt(90).getTime(), cutOff: true });
    expect(model.lanes[0]!.cutOff).toBeUndefined();
  });

  it("cuts off the back-off of the retry that never ran and the wait, with no deadline", () => {
    const step = model.rows.find((r) => r.operation.id === "s")!;
    expect(step.segments.at(-1)).toEqual({ kind: "backoff", start: inlineAt(20).getTime(), end: inlineAt(90).getTime(), status: "SCHEDULED", attempt: 1, cutOff: true });
    expect(step.deadline).toBeUndefined();
    expect(model.rows.find((r) => r.operation.id === "w")!.segments).toEqual([{ kind: "wait", start: inlineAt(40).getTime(), end: inlineAt(90).getTime(), status: "STARTED", cutOff: true }]);
    expect(model.open).toBe(false);
  });
});
