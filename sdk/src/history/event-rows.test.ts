import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { FIXTURE_FILES, fixtureEvents } from "../local/recorded-histories.test-support.js";
import { countEventTypes, describeEvent, describeEvents, filterEventRows, searchTerms } from "./index.js";

describe("describeEvent", () => {
  const rows = describeEvents(fixtureEvents("step-with-retry"));

  it("summarizes a failed attempt with its error and retry", () => {
    expect(rows[2]).toMatchObject({
      index: 2,
      eventId: 3,
      type: "StepFailed",
      subType: "Step",
      operationId: "c4ca4238a0b92382",
      details: "attempt 1 · Error: Random failure · retry in 1 s",
    });
    expect(rows[2]!.timestamp!.toISOString()).toBe("2025-12-03T22:59:52.610Z");
  });

  it("summarizes invocations and results", () => {
    expect(rows[3]!.details).toBe("request 6c736e64-3a0f-42a2-94d6-c1a5d0644980 · ran 55 ms");
    expect(rows[3]!.operationId).toBeUndefined();
    expect(rows[8]!.details).toBe('attempt 2 · result "step succeeded"');
    expect(rows[0]!.details).toBe("input {}");
  });

  it("shortens long payloads in the summary but searches further into them", () => {
    const long = `{"items":[${"1,".repeat(100)}"needle"]}`;
    const row = describeEvent({ EventType: "StepSucceeded", EventId: 1, Id: "s", StepSucceededDetails: { Result: { Payload: long }, RetryDetails: {} } }, 0);
    expect(row.details.length).toBeLessThan(100);
    expect(row.details.endsWith("…")).toBe(true);
    expect(filterEventRows([row], { text: "needle" })).toHaveLength(1);
  });

  it("summarizes waits and callbacks", () => {
    const at = new Date("2026-01-01T00:00:05Z");
    const wait = describeEvent({ EventType: "WaitStarted", EventId: 2, Id: "w", WaitStartedDetails: { Duration: 5, ScheduledEndTimestamp: at } }, 1);
    expect(wait.details).toBe("wait 5 s · until 2026-01-01T00:00:05.000Z");
    const cb = describeEvent({ EventType: "CallbackStarted", EventId: 3, Id: "c", CallbackStartedDetails: { CallbackId: "cb-xyz", Timeout: 60, HeartbeatTimeout: 10 } }, 2);
    expect(cb.details).toBe("callback cb-xyz · timeout 60 s · heartbeat 10 s");
  });

  it.each(FIXTURE_FILES)("describes every event of %s", (name) => {
    const events = fixtureEvents(name);
    const all = describeEvents(events);
    expect(all.map((r) => r.eventId)).toEqual(events.map((e) => e.EventId));
    expect(all.every((r) => r.type !== "(unknown)" && r.haystack === r.haystack.toLowerCase())).toBe(true);
  });
});

describe("filterEventRows", () => {
  const rows = describeEvents(fixtureEvents("retry-exhaustion"));

  it("keeps everything, as the same array, without a filter", () => {
    expect(filterEventRows(rows, {})).toBe(rows);
    expect(filterEventRows(rows, { types: new Set(), text: "  " })).toBe(rows);
  });

  it("filters by type and by every word of the text, ignoring case", () => {
    expect(filterEventRows(rows, { types: new Set(["StepFailed"]) })).toHaveLength(6);
    expect(filterEventRows(rows, { types: new Set(["StepFailed"]), text: '"ATTEMPT 3"' }).map((r) => r.eventId)).toEqual([12]);
    expect(filterEventRows(rows, { text: 'stepfailed "retry in 4 s"' }).map((r) => r.eventId)).toEqual([9]);
    // Unquoted, the words may appear anywhere in the row.
    expect(filterEventRows(rows, { types: new Set(["StepFailed"]), text: "attempt 3" }).length).toBeGreaterThan(1);
    expect(filterEventRows(rows, { text: "retries stepstarted" })).toHaveLength(6);
    expect(filterEventRows(rows, { text: "no such thing" })).toEqual([]);
  });

  it("counts types, most frequent first", () => {
    expect(countEventTypes(rows)).toEqual([
      ["InvocationCompleted", 6],
      ["StepFailed", 6],
      ["StepStarted", 6],
      ["ExecutionFailed", 1],
      ["ExecutionStarted", 1],
    ]);
  });
});

describe("searchTerms", () => {
  it("keeps quoted phrases whole and drops empty ones", () => {
    expect(searchTerms('StepFailed  "attempt 3" "" x')).toEqual(["stepfailed", "attempt 3", "x"]);
    expect(searchTerms('"unclosed phrase')).toEqual(['"unclosed', "phrase"]);
  });
});

describe("describeEvent on odd input", () => {
  it("copes with an event without type, details or time", () => {
    const row = describeEvent({ EventId: 9 } as Event, 4);
    expect(row).toMatchObject({ index: 4, eventId: 9, type: "(unknown)", details: "" });
  });
});

describe("describeEvents with a cache", () => {
  it("describes an event object again only when it moved", () => {
    const events = fixtureEvents("step-with-retry");
    const cache = new WeakMap();
    const first = describeEvents(events.slice(0, 5), cache);
    const second = describeEvents(events, cache);
    expect(second.slice(0, 5)).toEqual(first);
    expect(second[4]).toBe(first[4]);
    expect(second).toEqual(describeEvents(events));
    const shifted = describeEvents(events.slice(1), cache);
    expect(shifted[0]!.index).toBe(0);
    expect(shifted[0]).not.toBe(second[1]);
  });
});
