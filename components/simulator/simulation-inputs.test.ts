import { describe, expect, it } from "vitest";
import type { Event } from "@durable-lens/sdk/protocol";
import { eventsThrough, outcomeFromFields, seedBeforeInvocation } from "./simulation-inputs";

const fields = { kind: "succeed" as const, json: "", errorType: "", errorMessage: "" };

describe("outcomeFromFields", () => {
  it("reads a JSON value, compacted", () => {
    expect(outcomeFromFields({ ...fields, json: '{ "dock": "D7" }' })).toEqual({ outcome: { kind: "succeed", payload: '{"dock":"D7"}' } });
  });
  it("takes an empty value as none", () => {
    expect(outcomeFromFields(fields)).toEqual({ outcome: { kind: "succeed" } });
  });
  it("names JSON that does not parse", () => {
    expect(outcomeFromFields({ ...fields, json: "{dock" })).toMatchObject({ problem: expect.stringContaining("not JSON") });
  });
  it("needs a failure to say something", () => {
    expect(outcomeFromFields({ ...fields, kind: "fail" })).toEqual({ problem: "Give the error a type or a message" });
    expect(outcomeFromFields({ ...fields, kind: "fail", errorType: " Declined ", errorMessage: "" })).toEqual({ outcome: { kind: "fail", error: { ErrorType: "Declined" } } });
  });
});

const history: Event[] = [
  { EventId: 1, EventType: "ExecutionStarted", Id: "x" },
  { EventId: 2, EventType: "StepStarted", Id: "a" },
  { EventId: 3, EventType: "InvocationCompleted" },
  { EventId: 4, EventType: "WaitSucceeded", Id: "w" },
  { EventId: 5, EventType: "StepSucceeded", Id: "a" },
  { EventId: 6, EventType: "InvocationCompleted" },
] as Event[];

describe("starting points", () => {
  it("starts invocation 1 from the execution's start alone", () => {
    expect(seedBeforeInvocation(history, 1).map((e) => e.EventId)).toEqual([1]);
  });
  it("starts invocation n after the end of invocation n - 1", () => {
    expect(seedBeforeInvocation(history, 2).map((e) => e.EventId)).toEqual([1, 2, 3]);
    expect(seedBeforeInvocation(history, 3).map((e) => e.EventId)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it("cuts a history at an event", () => {
    expect(eventsThrough(history, 4).map((e) => e.EventId)).toEqual([1, 2, 3, 4]);
  });
});
