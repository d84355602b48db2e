import { describe, expect, it } from "vitest";
import { fixtureEvents } from "../local/recorded-histories.test-support.js";
import { eventsAsOf, isOpen, projectHistory, type OperationView } from "./index.js";
import { at, inlineHistory } from "./inline-history.test-support.js";

const byName = (ops: readonly OperationView[], name: string) => ops.find((op) => op.name === name)!;

/** promise.race of a step and an hour's wait: the step wins, the execution succeeds, the wait is left. */
const race = () =>
  inlineHistory()
    .add("ExecutionStarted", "exec", { Name: "race" })
    .add("StepStarted", "fast", { Name: "fast-lookup", SubType: "Step", at: 10 })
    .add("WaitStarted", "timeout", { Name: "race-timeout", SubType: "Wait", details: { Duration: 3600, ScheduledEndTimestamp: at(3_600_010) } })
    .add("ContextStarted", "race", { SubType: "RunInChildContext" })
    .add("StepSucceeded", "fast", { Name: "fast-lookup", SubType: "Step", at: 20, details: { Result: { Payload: '"fast"' } } })
    .add("ContextSucceeded", "race", { SubType: "RunInChildContext", details: { Result: { Payload: '"fast"' } } })
    .add("InvocationCompleted", undefined, { at: 30, details: { StartTimestamp: at(0), EndTimestamp: at(30) } })
    .add("ExecutionSucceeded", "exec", { at: 31, details: { Result: { Payload: '{"first":"fast"}' } } }).events;

/** promise.any where the failing step schedules a retry the execution never waits for. */
const anyWithRetry = () =>
  inlineHistory()
    .add("ExecutionStarted", "exec")
    .add("StepStarted", "flaky", { Name: "flaky-primary", SubType: "Step", at: 5 })
    .add("StepStarted", "backup", { Name: "backup", SubType: "Step" })
    .add("StepFailed", "flaky", { Name: "flaky-primary", SubType: "Step", at: 8, details: { Error: { Payload: { ErrorMessage: "down" } }, RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 30 } } })
    .add("StepSucceeded", "backup", { Name: "backup", SubType: "Step", at: 9, details: { Result: { Payload: '"b"' } } })
    .add("InvocationCompleted", undefined, { at: 12, details: { StartTimestamp: at(0), EndTimestamp: at(12) } })
    .add("ExecutionSucceeded", "exec", { at: 12 }).events;

describe("abandoned work", () => {
  it("marks what was still open when the execution ended, with the execution's end", () => {
    const ops = projectHistory(race()).operations;
    const wait = byName(ops, "race-timeout");
    expect(wait.status).toBe("STARTED");
    expect(wait.abandoned).toEqual({ executionStatus: "SUCCEEDED", executionEndedAt: at(31) });
    expect(ops.filter((op) => op.abandoned).map((op) => op.id)).toEqual(["timeout"]);
    // Every operation knows the execution ended, so a group can tell its open members are left behind.
    expect(ops.every((op) => op.executionEnd?.status === "SUCCEEDED" && op.executionEnd.at?.getTime() === at(31).getTime())).toBe(true);
  });

  it("names the retry that never ran for a step left waiting to retry", () => {
    const ops = projectHistory(anyWithRetry()).operations;
    const flaky = byName(ops, "flaky-primary");
    expect(flaky.status).toBe("PENDING");
    expect(flaky.abandoned).toEqual({ executionStatus: "SUCCEEDED", executionEndedAt: at(12), retryNeverRan: 2 });
    expect(byName(ops, "backup").abandoned).toBeUndefined();
  });

  it("marks nothing while the execution runs, so a past point shows running work as running", () => {
    const events = race();
    for (const point of [3, 5, 7]) {
      const ops = projectHistory(eventsAsOf(events, point)).operations;
      expect(ops.some((op) => op.abandoned || op.executionEnd), `as of event ${point}`).toBe(false);
      expect(byName(ops, "race-timeout").status).toBe("STARTED");
    }
  });

  it("marks work open when the execution was stopped, timed out or failed", () => {
    for (const [type, status] of [["ExecutionStopped", "STOPPED"], ["ExecutionTimedOut", "TIMED_OUT"], ["ExecutionFailed", "FAILED"]] as const) {
      const events = inlineHistory()
        .add("ExecutionStarted", "exec")
        .add("WaitStarted", "hold", { Name: "hold", details: { Duration: 3600 } })
        .add("InvocationCompleted", undefined, { at: 2 })
        .add(type, "exec", { at: 60_000 }).events;
      const hold = byName(projectHistory(events).operations, "hold");
      expect(hold.abandoned, type).toEqual({ executionStatus: status, executionEndedAt: at(60_000) });
    }
  });

  it("leaves a history without its execution's end, or without the execution, unmarked", () => {
    const noEnd = inlineHistory().add("ExecutionStarted", "exec").add("WaitStarted", "w", { Name: "w" }).events;
    const noExecution = inlineHistory().add("WaitStarted", "w", { Name: "w" }).add("StepStarted", "s", { Name: "s" }).events;
    for (const events of [noEnd, noExecution]) expect(projectHistory(events).operations.some((op) => op.abandoned)).toBe(false);
  });

  it("finds the unawaited wait of a recorded history left behind", () => {
    const ops = projectHistory(fixtureEvents("wait-unawaited")).operations;
    const wait = ops.find((op) => op.type === "WAIT")!;
    expect(wait.abandoned?.executionStatus).toBe("SUCCEEDED");
    expect(wait.abandoned?.executionEndedAt?.toISOString()).toBe("2025-12-03T23:00:02.071Z");
  });

  it("isOpen holds for STARTED and PENDING only", () => {
    expect(["STARTED", "PENDING", "SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "STOPPED"].map((status) => isOpen({ status: status as OperationView["status"] }))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
