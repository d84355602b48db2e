import { FIXTURE_FILES, fixtureJson } from "../local/recorded-histories.test-support.js";
import { describe, expect, it } from "vitest";
import { createHistoryParser, parseHistory } from "./index.js";

// Recorded histories live in the shared folder beside the repository.
const fixture = fixtureJson;
const fixtureNames = FIXTURE_FILES;

describe("parseHistory on recorded fixtures", () => {
  it("finds the fixtures", () => {
    expect(fixtureNames.length).toBeGreaterThan(30);
  });

  it.each(fixtureNames)("reads %s whole, every event typed and timed", (name) => {
    const raw = fixture(name) as unknown[];
    const { events, problems } = parseHistory(raw);
    // Their recorder leaves out ExecutionTimeout, which is read as unknown, not as a problem.
    expect(problems).toEqual([]);
    expect(events).toHaveLength(raw.length);
    const ids = events.map((e) => e.EventId!);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const e of events) {
      expect(e.EventTimestamp).toBeInstanceOf(Date);
      expect(Number.isNaN(e.EventTimestamp!.getTime())).toBe(false);
    }
  });

  it("revives ISO timestamps inside details", () => {
    const { events } = parseHistory(fixture("wait.history.json"));
    const started = events.find((e) => e.EventType === "WaitStarted")!;
    expect(started.WaitStartedDetails?.ScheduledEndTimestamp).toBeInstanceOf(Date);
    const invocation = events.find((e) => e.EventType === "InvocationCompleted")!;
    expect(invocation.InvocationCompletedDetails?.StartTimestamp).toBeInstanceOf(Date);
  });
});

describe("parseHistory input shapes", () => {
  const started = { EventType: "ExecutionStarted", EventId: 1, Id: "exec", EventTimestamp: "2026-01-01T00:00:00.000Z" };

  it("accepts the GetDurableExecutionHistory response shape", () => {
    const { events, problems } = parseHistory({ Events: [started], NextMarker: "m" });
    expect(problems).toEqual([]);
    expect(events.map((e) => e.Id)).toEqual(["exec"]);
  });

  it("reads Date objects and epoch seconds as timestamps", () => {
    const date = new Date(Date.UTC(2026, 0, 1, 0, 0, 1));
    const { events } = parseHistory([
      { ...started, EventTimestamp: date },
      { EventType: "StepStarted", EventId: 2, Id: "s", EventTimestamp: 1767225602.5 },
    ]);
    expect(events[0]!.EventTimestamp!.getTime()).toBe(date.getTime());
    expect(events[1]!.EventTimestamp!.toISOString()).toBe("2026-01-01T00:00:02.500Z");
  });

  it("sorts by EventId", () => {
    const { events } = parseHistory([
      { EventType: "StepSucceeded", EventId: 3, Id: "s" },
      { EventType: "StepStarted", EventId: 2, Id: "s" },
      started,
    ]);
    expect(events.map((e) => e.EventId)).toEqual([1, 2, 3]);
  });

  it.each([
    [null, /got null/],
    ["not json", /got "not json"/],
    [42, /got 42/],
    [{ foo: 1 }, /an object with an "Events" array/],
    [{ Events: "nope" }, /"Events" must be an array/],
  ])("reports a non-history %j instead of throwing", (input, message) => {
    const result = parseHistory(input);
    expect(result.events).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(message);
  });
});

describe("parseHistory on malformed events", () => {
  const input = [
    "garbage",
    { EventType: "ExecutionStarted", Id: "exec" },
    { EventType: "ExecutionStarted", EventId: 1, Id: "exec", EventTimestamp: "yesterday-ish" },
    { EventType: "Foo", EventId: 3, Id: "x" },
    { EventId: 4, Id: "x" },
    { EventType: "StepStarted", EventId: 5 },
    { EventType: "StepStarted", EventId: 6, Id: "s", Name: 7 },
    {
      EventType: "StepFailed",
      EventId: 7,
      Id: "s",
      StepFailedDetails: { Error: { Payload: "boom" }, RetryDetails: { CurrentAttempt: "two", NextAttemptDelaySeconds: 5 } },
    },
    { EventType: "StepStarted", EventId: 6, Id: "dup" },
    { EventType: "StepSucceeded", EventId: "8", Id: "s", StepSucceededDetails: { Result: { Payload: 12 } } },
    { EventType: "StepStarted", EventId: 0, Id: "zero" },
  ];
  const { events, problems } = parseHistory(input);

  it("keeps the usable events", () => {
    expect(events.map((e) => e.EventId)).toEqual([1, 6, 7, 8]);
  });

  it("names every problem", () => {
    expect(problems).toEqual(
      expect.arrayContaining([
        "event at index 0 is not an object (got \"garbage\")",
        "event at index 1 has no EventId",
        'event 1: EventTimestamp "yesterday-ish" is not a timestamp',
        'event 3: unknown EventType "Foo"',
        "event 4: no EventType",
        "event 5: StepStarted has no Id, so it belongs to no operation",
        "event 6: Name must be a non-empty string, got 7",
        'event 7: StepFailedDetails.RetryDetails.CurrentAttempt must be a number, got "two"',
        "event at index 8: duplicate EventId 6, kept the first one",
        "event 8: StepSucceededDetails.Result.Payload must be a string, got 12",
        "event at index 10 has an invalid EventId 0 (expected an integer ≥ 1)",
      ]),
    );
    expect(problems).toHaveLength(11);
  });

  it("drops only the bad members of a kept event", () => {
    const byId = new Map(events.map((e) => [e.EventId, e]));
    expect(byId.get(1)!.EventTimestamp).toBeUndefined();
    expect(byId.get(6)!.Name).toBeUndefined();
    expect(byId.get(6)!.Id).toBe("s");
    expect(byId.get(7)!.StepFailedDetails).toEqual({
      Error: { Payload: { ErrorMessage: "boom" } },
      RetryDetails: { NextAttemptDelaySeconds: 5 },
    });
    expect(byId.get(8)!.StepSucceededDetails).toEqual({ Result: {}, RetryDetails: {} });
  });

  it("fills missing payload wrappers and reports other missing required members", () => {
    const { events: [started, failed], problems: missing } = parseHistory([
      { EventType: "WaitStarted", EventId: 1, Id: "w", WaitStartedDetails: { Duration: 5 } },
      { EventType: "StepFailed", EventId: 2, Id: "s", StepFailedDetails: {} },
    ]);
    expect(missing).toEqual(["event 1: WaitStartedDetails.ScheduledEndTimestamp is missing"]);
    expect(started!.WaitStartedDetails).toEqual({ Duration: 5 });
    expect(failed!.StepFailedDetails).toEqual({ Error: {}, RetryDetails: {} });
  });

  it("ignores details members that belong to another event type", () => {
    const { events: [only] } = parseHistory([
      { EventType: "StepStarted", EventId: 1, Id: "s", StepSucceededDetails: { Result: { Payload: "x" } } },
    ]);
    expect(only).toEqual({ EventType: "StepStarted", EventId: 1, Id: "s" });
  });
});

describe("createHistoryParser", () => {
  const raw = [
    { EventType: "ExecutionStarted", EventId: 1, Id: "exec", EventTimestamp: "2026-01-01T00:00:00Z", ExecutionStartedDetails: { Input: { Payload: "{}" }, ExecutionTimeout: 60 } },
    { EventType: "StepStarted", EventId: 2, Id: "s", EventTimestamp: "2026-01-01T00:00:01Z" },
  ];

  it("reads like parseHistory, and returns the same Event objects for raw objects it has seen", () => {
    const parse = createHistoryParser();
    const first = parse(raw);
    expect(first).toEqual(parseHistory(raw));
    const next = [...raw, { EventType: "StepSucceeded", EventId: 3, Id: "s", StepSucceededDetails: { Result: { Payload: "1" }, RetryDetails: {} } }];
    const second = parse(next);
    expect(second).toEqual(parseHistory(next));
    expect(second.events[0]).toBe(first.events[0]);
    expect(second.events[1]).toBe(first.events[1]);
    expect(second.events).toHaveLength(3);
  });

  it("reads an event with problems again each time, so its messages name its current position", () => {
    const parse = createHistoryParser();
    const bad = { EventType: "StepStarted", EventId: 5, Id: "x", Name: 7 };
    expect(parse([bad]).problems).toEqual(["event 5: Name must be a non-empty string, got 7"]);
    expect(parse([raw[0], bad]).problems).toEqual(["event 5: Name must be a non-empty string, got 7"]);
    expect(parse([bad, bad]).problems).toEqual(["event 5: Name must be a non-empty string, got 7", "event 5: Name must be a non-empty string, got 7", "event at index 1: duplicate EventId 5, kept the first one"]);
  });
});
