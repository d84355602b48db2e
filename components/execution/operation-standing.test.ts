import { describe, expect, it } from "vitest";
import { eventsAsOf, projectHistory, type OperationView } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { formatTimestamp } from "@/lib/format";
import { operationStanding } from "./operation-standing";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

/** A step left waiting to retry, a wait left going and a callback answered, in an execution that succeeds at 40 ms. */
const events: Event[] = [
  { EventType: "ExecutionStarted", EventId: 1, Id: "exec", EventTimestamp: at(0) },
  { EventType: "StepStarted", EventId: 2, Id: "flaky", Name: "flaky", EventTimestamp: at(1) },
  { EventType: "WaitStarted", EventId: 3, Id: "slow", Name: "slow", EventTimestamp: at(1), WaitStartedDetails: { Duration: 60, ScheduledEndTimestamp: at(60_001) } },
  { EventType: "CallbackStarted", EventId: 4, Id: "cb", Name: "cb", EventTimestamp: at(1), CallbackStartedDetails: { CallbackId: "x" } },
  {
    EventType: "StepFailed",
    EventId: 5,
    Id: "flaky",
    Name: "flaky",
    EventTimestamp: at(5),
    StepFailedDetails: { Error: { Payload: { ErrorMessage: "down" } }, RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 30 } },
  },
  { EventType: "CallbackSucceeded", EventId: 6, Id: "cb", Name: "cb", EventTimestamp: at(20) },
  { EventType: "ExecutionSucceeded", EventId: 7, Id: "exec", EventTimestamp: at(40) },
];

/** The standing of each operation as of an event. */
const standings = (upTo: number) => {
  const ops = projectHistory(eventsAsOf(events, upTo)).operations;
  return Object.fromEntries(ops.map((op: OperationView) => [op.id, operationStanding(op)]));
};

describe("operationStanding", () => {
  it("says running, waiting and retry scheduled while the execution runs", () => {
    const before = standings(5);
    expect(before.flaky).toEqual({ kind: "retry-scheduled", label: "PENDING", summary: "retry scheduled" });
    expect(before.slow).toEqual({ kind: "waiting", label: "STARTED", summary: `until ${formatTimestamp(at(60_001))}` });
    expect(before.cb).toEqual({ kind: "waiting", label: "STARTED", summary: "waiting for callback" });
    expect(standings(2).flaky).toEqual({ kind: "running", label: "STARTED", summary: "running" });
  });

  it("says what never finished once the execution ended, and never running or retry scheduled", () => {
    const after = standings(7);
    expect(after.flaky).toEqual({ kind: "abandoned", label: "ABANDONED", summary: "the execution ended before retry 2" });
    expect(after.slow).toEqual({ kind: "abandoned", label: "ABANDONED", summary: `never finished: the execution ended at ${formatTimestamp(at(40))}` });
    expect(after.cb).toEqual({ kind: "done", label: "SUCCEEDED", summary: "19 ms" });
  });
});
