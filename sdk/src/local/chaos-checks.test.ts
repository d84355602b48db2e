// The chaos test's rules, each shown to catch what it is there for on small hand-made histories.
import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { duplicatedEvents, missingAcknowledged, readAckLog, type AcknowledgedCheckpoint } from "./chaos-checks.test-support.js";

let nextId = 1;
const ev = (e: Omit<Event, "EventId" | "EventTimestamp">): Event => ({ EventId: nextId++, EventTimestamp: new Date(0), ...e });
const retryFailed = (Id: string, attempt: number) =>
  ev({ EventType: "StepFailed", Id, StepFailedDetails: { Error: { Payload: { ErrorMessage: "busy" }, Truncated: false }, RetryDetails: { CurrentAttempt: attempt, NextAttemptDelaySeconds: 1 } } });
const succeeded = (Id: string, attempt: number, payload: string) =>
  ev({ EventType: "StepSucceeded", Id, StepSucceededDetails: { Result: { Payload: payload, Truncated: false }, RetryDetails: { CurrentAttempt: attempt } } });

/** A step retried once then succeeded, a wait, a callback: as the service writes them. */
function history(): Event[] {
  nextId = 1;
  return [
    ev({ EventType: "ExecutionStarted", Id: "exec" }),
    ev({ EventType: "StepStarted", Id: "s1", StepStartedDetails: {} }),
    retryFailed("s1", 1),
    ev({ EventType: "InvocationCompleted", InvocationCompletedDetails: { StartTimestamp: new Date(0), EndTimestamp: new Date(0), RequestId: "r1" } }),
    ev({ EventType: "StepStarted", Id: "s1", StepStartedDetails: {} }),
    succeeded("s1", 2, '"ok"'),
    ev({ EventType: "WaitStarted", Id: "w1", WaitStartedDetails: { Duration: 1, ScheduledEndTimestamp: new Date(1000) } }),
    ev({ EventType: "InvocationCompleted", InvocationCompletedDetails: { StartTimestamp: new Date(0), EndTimestamp: new Date(0), RequestId: "r2" } }),
    ev({ EventType: "WaitSucceeded", Id: "w1", WaitSucceededDetails: { Duration: 1 } }),
    ev({ EventType: "CallbackStarted", Id: "c1", CallbackStartedDetails: { CallbackId: "cb" } }),
  ];
}

const acks: AcknowledgedCheckpoint[] = [
  { arn: "a", updates: [{ Id: "s1", Type: "STEP", Action: "START" }] },
  { arn: "a", updates: [{ Id: "s1", Type: "STEP", Action: "RETRY" }] },
  { arn: "a", updates: [{ Id: "s1", Type: "STEP", Action: "START" }, { Id: "s1", Type: "STEP", Action: "SUCCEED", Payload: '"ok"' }] },
  { arn: "a", updates: [{ Id: "w1", Type: "WAIT", Action: "START" }] },
  { arn: "a", updates: [{ Id: "c1", Type: "CALLBACK", Action: "START" }, { Id: "exec", Type: "EXECUTION", Action: "SUCCEED", Payload: "1" }] },
];

describe("missingAcknowledged", () => {
  it("finds every acknowledged update in a history that has them", () => {
    const events = history();
    expect(missingAcknowledged(acks, (arn) => (arn === "a" ? events : undefined))).toEqual([]);
  });

  it("names an acknowledged update whose event is gone", () => {
    const events = history().filter((e) => e.EventType !== "WaitStarted");
    expect(missingAcknowledged(acks, () => events)).toEqual(["a: no event of the acknowledged WAIT START of w1"]);
  });

  it("needs an event for each acknowledged update, not one for all of them", () => {
    const events = history();
    const twice = [...acks, { arn: "a", updates: [{ Id: "s1", Type: "STEP", Action: "RETRY" }] } satisfies AcknowledgedCheckpoint];
    expect(missingAcknowledged(twice, () => events)).toEqual(["a: no event of the acknowledged STEP RETRY of s1"]);
  });

  it("tells a result stored with another payload from the one acknowledged", () => {
    const events = history().map((e) => (e.EventType === "StepSucceeded" ? { ...e, StepSucceededDetails: { Result: { Payload: '"other"', Truncated: false }, RetryDetails: { CurrentAttempt: 2 } } } : e));
    expect(missingAcknowledged(acks, () => events)).toEqual(['a: no event of the acknowledged STEP SUCCEED of s1 with payload "ok"']);
  });

  it("names an execution the store no longer has", () => {
    expect(missingAcknowledged([acks[3]!], () => undefined)).toEqual(["a: the execution is gone, with its acknowledged WAIT START of w1"]);
  });

  it("reads the ack log line by line, and refuses a line cut short", () => {
    const text = `${acks.map((a) => JSON.stringify(a)).join("\n")}\n`;
    expect(readAckLog(text)).toEqual(acks);
    expect(() => readAckLog(text.slice(0, -10))).toThrow(SyntaxError);
  });
});

describe("duplicatedEvents", () => {
  it("passes a history with retries, waits and callbacks", () => {
    expect(duplicatedEvents(history())).toEqual([]);
  });

  it("catches a checkpoint applied twice: the same step attempt finished twice", () => {
    const events = history();
    events.splice(6, 0, succeeded("s1", 2, '"ok"'));
    expect(duplicatedEvents(events)).toEqual([expect.stringMatching(/StepSucceeded of step s1 after it ended/), expect.stringMatching(/step s1 finished attempt 2 after attempt 2/)]);
  });

  it("catches a step started twice in one attempt and a repeated attempt number", () => {
    const events = history();
    events.splice(2, 0, ev({ EventType: "StepStarted", Id: "s1", StepStartedDetails: {} }));
    events.splice(4, 0, retryFailed("s1", 1));
    expect(duplicatedEvents(events)).toEqual([
      expect.stringMatching(/step s1 started twice in one attempt/),
      expect.stringMatching(/step s1 finished attempt 1 after attempt 1/),
    ]);
  });

  it("catches an operation started twice, an event after the end and an invocation completed twice", () => {
    const events = history();
    events.push(ev({ EventType: "CallbackStarted", Id: "c1", CallbackStartedDetails: { CallbackId: "cb" } }));
    events.push(ev({ EventType: "WaitCancelled", Id: "w1", WaitCancelledDetails: {} }));
    events.push({ ...events[3]!, EventId: nextId++ });
    expect(duplicatedEvents(events)).toEqual([
      expect.stringMatching(/invocation r1 completed twice/),
      expect.stringMatching(/WaitCancelled of w1 after it ended/),
      expect.stringMatching(/CallbackStarted of c1 twice/),
    ]);
  });
});
