import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { fixtureEvents } from "../local/recorded-histories.test-support.js";
import { buildOperations, HEALTH_LIMITS, measureHistory } from "./index.js";

const measure = (events: Event[]) => measureHistory(events, buildOperations(events));

describe("measureHistory", () => {
  it("finds the largest payload of the checkpoint-size-limit history right at the 256 KB limit", () => {
    const health = measure(fixtureEvents("run-in-child-context-checkpoint-size-limit"));
    expect(health.operations).toBe(100);
    expect(health.storedBytes).toBe(2_359_300);
    expect(health.largestPayload).toEqual({ bytes: 262_144, eventId: 110, operationId: "45c48cce2e2d7fbd", field: "result" });
    expect(health.largestPayload!.bytes).toBe(HEALTH_LIMITS.payloadBytes);
    expect(health.failedAttempts).toBe(0);
  });

  it("counts failed attempts and retried steps", () => {
    const health = measure(fixtureEvents("step-with-retry"));
    expect([health.operations, health.failedAttempts, health.retriedOperations, health.storedBytes]).toEqual([1, 2, 1, 72]);
    expect(health.largestPayload).toMatchObject({ bytes: 19, eventId: 3, field: "error" });
    const exhausted = measure(fixtureEvents("retry-exhaustion"));
    expect([exhausted.failedAttempts, exhausted.retriedOperations]).toEqual([6, 1]);
  });

  it("counts truncated payloads and marks which payload of the operation was cut", () => {
    const events: Event[] = [
      { EventType: "ExecutionStarted", EventId: 1, Id: "exec", ExecutionStartedDetails: { Input: { Payload: "é", Truncated: true }, ExecutionTimeout: 60 } },
      { EventType: "StepStarted", EventId: 2, Id: "s" },
      { EventType: "StepSucceeded", EventId: 3, Id: "s", StepSucceededDetails: { Result: { Payload: "abc", Truncated: true }, RetryDetails: {} } },
    ];
    const health = measure(events);
    expect(health.truncatedPayloads).toBe(2);
    // UTF-8 bytes, not characters.
    expect(health.storedBytes).toBe(2 + 3);
    const ops = buildOperations(events);
    expect(ops.map((op) => [op.truncated, op.truncatedPayloads])).toEqual([
      [true, ["input"]],
      [true, ["result"]],
    ]);
  });

  it("measures an empty history as empty", () => {
    expect(measure([])).toEqual({ operations: 0, storedBytes: 0, failedAttempts: 0, retriedOperations: 0, truncatedPayloads: 0, abandoned: 0 });
  });

  it("counts the work an ended execution left open, and none while it runs", () => {
    const events = fixtureEvents("wait-unawaited");
    expect(measure(events).abandoned).toBe(1);
    expect(measure(events.filter((e) => e.EventType !== "ExecutionSucceeded")).abandoned).toBe(0);
  });
});
