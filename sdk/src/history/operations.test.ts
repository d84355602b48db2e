import { FIXTURE_FILES, fixtureJson } from "../local/recorded-histories.test-support.js";
import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { buildInvocations, buildOperations, operationDurationMs, operationLabel, parseHistory, projectHistory } from "./index.js";

const events = (name: string): Event[] => {
  const parsed = parseHistory(fixtureJson(name));
  expect(parsed.problems).toEqual([]);
  return parsed.events;
};

describe("buildOperations on step-with-retry", () => {
  const all = events("step-with-retry.history.json");
  const ops = buildOperations(all);
  const step = ops.find((op) => op.type === "STEP")!;

  it("has the execution and one step, not the invocations", () => {
    expect(ops.map((op) => op.type)).toEqual(["EXECUTION", "STEP"]);
    expect(ops[0]!.id).toBe("2504dde1-e3a4-4a91-8295-90f536297c0a");
    expect(ops[0]!.input).toBe("{}");
    expect(ops[0]!.result).toBe('"step succeeded"');
    expect(ops[0]!.status).toBe("SUCCEEDED");
  });

  it("pairs StepStarted with its outcome into three attempts", () => {
    expect(step.attempts.map((a) => [a.number, a.status, a.startEventId, a.endEventId, a.nextAttemptDelaySeconds])).toEqual([
      [1, "FAILED", 2, 3, 1],
      [2, "FAILED", 5, 6, 2],
      [3, "SUCCEEDED", 8, 9, undefined],
    ]);
    expect(step.attempts[0]!.error).toEqual({ ErrorMessage: "Random failure", ErrorType: "Error" });
    expect(step.attempts[2]!.result).toBe('"step succeeded"');
    expect(step.attempts[2]!.error).toBeUndefined();
    // Kept as written, even though this recorder numbered its attempts 1, 1, 2.
    expect(step.attempts.map((a) => a.reportedAttempt)).toEqual([1, 1, 2]);
  });

  it("ends SUCCEEDED with the result and the first start and last end as its span", () => {
    expect(step.status).toBe("SUCCEEDED");
    expect(step.result).toBe('"step succeeded"');
    expect(step.error).toBeUndefined();
    expect(step.startedAt!.toISOString()).toBe("2025-12-03T22:59:52.610Z");
    expect(step.endedAt!.toISOString()).toBe("2025-12-03T22:59:55.621Z");
    expect(operationDurationMs(step)).toBe(3011);
    expect(step.eventIds).toEqual([2, 3, 5, 6, 8, 9]);
    expect(operationLabel(step)).toBe("step");
  });

  it("shows PENDING between a failed attempt and the retry, STARTED during it", () => {
    const pending = buildOperations(all.filter((e) => e.EventId! <= 4)).find((op) => op.type === "STEP")!;
    expect(pending.status).toBe("PENDING");
    expect(pending.endedAt).toBeUndefined();
    expect(pending.error?.ErrorMessage).toBe("Random failure");

    const running = buildOperations(all.filter((e) => e.EventId! <= 5)).find((op) => op.type === "STEP")!;
    expect(running.status).toBe("STARTED");
    expect(running.error).toBeUndefined();
    expect(running.attempts.map((a) => a.status)).toEqual(["FAILED", "STARTED"]);
    expect(operationDurationMs(running, Date.parse("2025-12-03T22:59:53.610Z"))).toBe(1000);
  });

  it("names the operations each invocation ran, leaving out the execution", () => {
    expect(buildInvocations(all).map((i) => i.operationIds)).toEqual([[step.id], [step.id], [step.id]]);
    expect(projectHistory(all).unfinishedInvocation).toBeUndefined();
    const cut = projectHistory(all.filter((e) => e.EventId! <= 6));
    expect(cut.unfinishedInvocation).toEqual({ startedAt: new Date("2025-12-03T22:59:53.613Z"), operationIds: [step.id] });
  });

  it("lists the invocations", () => {
    const invocations = buildInvocations(all);
    expect(invocations.map((i) => i.eventId)).toEqual([4, 7, 10]);
    expect(invocations[0]!.requestId).toBe("6c736e64-3a0f-42a2-94d6-c1a5d0644980");
    expect(invocations[0]!.startedAt!.toISOString()).toBe("2025-12-03T22:59:52.607Z");
    // The recorder wrote "Error": {} for a clean invocation.
    expect(invocations.every((i) => i.error === undefined)).toBe(true);
  });
});

describe("buildOperations on failures", () => {
  it("marks a step FAILED once retries are exhausted, and the execution too", () => {
    const ops = buildOperations(events("retry-exhaustion.history.json"));
    const step = ops.find((op) => op.name === "retries")!;
    expect(step.status).toBe("FAILED");
    expect(step.attempts).toHaveLength(6);
    expect(step.attempts.every((a) => a.status === "FAILED")).toBe(true);
    expect(step.attempts[5]!.nextAttemptDelaySeconds).toBeUndefined();
    expect(step.endedAt).toBeInstanceOf(Date);
    expect(step.error).toEqual({ ErrorMessage: "There was an error", ErrorType: "Error" });
    const exec = ops[0]!;
    expect(exec.status).toBe("FAILED");
    expect(exec.error?.ErrorType).toBe("StepError");
  });

  it("reads a handler error from handler-error", () => {
    const all = events("handler-error.history.json");
    const ops = buildOperations(all);
    expect(ops).toHaveLength(1);
    expect(ops[0]!.status).toBe("FAILED");
    expect(ops[0]!.error?.ErrorMessage).toBe("Intentional handler failure");
    expect(ops[0]!.result).toBeUndefined();
    expect(buildInvocations(all)[0]!.error?.ErrorMessage).toBeDefined();
  });

  it("fails a child context whose step failed, while the execution goes on", () => {
    const ops = buildOperations(events("run-in-child-context-failing-step.history.json"));
    const ctx = ops.find((op) => op.name === "child-with-failure")!;
    const step = ops.find((op) => op.name === "failing-step")!;
    expect(ctx.status).toBe("FAILED");
    expect(ctx.error?.ErrorType).toBe("StepError");
    expect(ctx.children).toEqual([step.id]);
    expect(step.attempts).toHaveLength(3);
    expect(step.status).toBe("FAILED");
    expect(ops.find((op) => op.name === "wait-after-failure")!.status).toBe("SUCCEEDED");
    expect(ops[0]!.status).toBe("SUCCEEDED");
  });
});

describe("buildOperations nesting", () => {
  it("nests a step under its child context", () => {
    const ops = buildOperations(events("run-in-child-context.history.json"));
    expect(ops.map((op) => [op.type, op.subType])).toEqual([
      ["EXECUTION", undefined],
      ["CONTEXT", "RunInChildContext"],
      ["STEP", "Step"],
    ]);
    const [, ctx, step] = ops;
    expect(step!.parentId).toBe(ctx!.id);
    expect(ctx!.children).toEqual([step!.id]);
    expect(ctx!.result).toBe('"child step completed"');
    expect(operationLabel(ctx!)).toBe("child context");
  });

  it("builds the map, its iterations and their steps", () => {
    const ops = buildOperations(events("map-basic.history.json"));
    const map = ops.find((op) => op.subType === "Map")!;
    expect(map.name).toBe("map");
    const iterations = map.children.map((id) => ops.find((op) => op.id === id)!);
    expect(iterations.map((op) => op.name)).toEqual(["map-item-0", "map-item-1", "map-item-2", "map-item-3", "map-item-4"]);
    expect(iterations.every((op) => op.subType === "MapIteration" && op.children.length === 1)).toBe(true);
    const results = iterations.map((op) => ops.find((c) => c.id === op.children[0])!.result);
    expect(results).toEqual(["2", "4", "6", "8", "10"]);
    const wait = ops.find((op) => op.type === "WAIT")!;
    expect(wait.parentId).toBeUndefined();
    expect(wait.wait?.durationSeconds).toBe(1);
    expect(wait.wait?.scheduledEndAt?.toISOString()).toBe("2025-12-03T22:58:47.813Z");
    expect(ops[0]!.result).toBe("[2,4,6,8,10]");
  });

  it("leaves an unawaited wait STARTED", () => {
    const wait = buildOperations(events("wait-unawaited.history.json")).find((op) => op.type === "WAIT")!;
    expect(wait.status).toBe("STARTED");
    expect(wait.endedAt).toBeUndefined();
  });

  it.each(FIXTURE_FILES)("projects %s consistently", (name) => {
    const all = events(name);
    const { operations, invocations, problems } = projectHistory(all);
    expect(problems).toEqual([]);
    const opEvents = operations.reduce((n, op) => n + op.eventIds.length, 0);
    expect(opEvents + invocations.length).toBe(all.length);
    expect(operations.filter((op) => op.type === "EXECUTION")).toHaveLength(1);
    for (const op of operations) {
      for (const child of op.children) expect(operations.find((c) => c.id === child)!.parentId).toBe(op.id);
    }
  });
});

describe("projectHistory on inconsistent events", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  const input: Event[] = [
    { EventType: "ExecutionStarted", EventId: 1, Id: "exec", EventTimestamp: at(0) },
    { EventType: "StepStarted", EventId: 2, Id: "a", Name: "a", EventTimestamp: at(1) },
    { EventType: "WaitStarted", EventId: 3, Id: "a", EventTimestamp: at(2) },
    { EventType: "StepSucceeded", EventId: 4, Id: "b", ParentId: "ghost", EventTimestamp: at(3) },
    { EventType: "StepStarted", EventId: 5 },
  ];
  const { operations, problems } = projectHistory(input);

  it("ignores an event whose type contradicts its operation", () => {
    expect(operations.find((op) => op.id === "a")!.type).toBe("STEP");
    expect(operations.find((op) => op.id === "a")!.status).toBe("STARTED");
    expect(problems).toContain("event 3: operation a is a STEP, but this is a WaitStarted event; ignored");
  });

  it("keeps an outcome without its start as an attempt", () => {
    const b = operations.find((op) => op.id === "b")!;
    expect(b.status).toBe("SUCCEEDED");
    expect(b.startedAt).toBeUndefined();
    expect(b.attempts).toEqual([expect.objectContaining({ number: 1, status: "SUCCEEDED", endEventId: 4 })]);
    expect(operationDurationMs(b)).toBeUndefined();
  });

  it("reports parents and Ids that are missing", () => {
    expect(problems).toContain("operation b: its parent ghost is not in the history");
    expect(problems).toContain("event 5: StepStarted has no Id, ignored");
    expect(problems).toHaveLength(3);
  });
});
