import { describe, expect, it } from "vitest";
import { FIXTURE_FILES, fixtureText } from "../sdk/src/local/recorded-histories.test-support";
import { readHistoryText } from "./history-file";

const fixtureNames = FIXTURE_FILES;
const fixture = fixtureText;

const started = { EventId: 1, EventType: "ExecutionStarted", Id: "exec", EventTimestamp: "2026-01-01T00:00:00Z", ExecutionStartedDetails: { Input: { Payload: "{}" }, ExecutionTimeout: 900 } };
const step = { EventId: 2, EventType: "StepStarted", Id: "s1", Name: "charge", EventTimestamp: "2026-01-01T00:00:01Z" };

describe("readHistoryText on the recorded fixtures", () => {
  it.each(fixtureNames)("reads every event of %s", (name) => {
    const text = fixture(name);
    const result = readHistoryText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events).toHaveLength((JSON.parse(text) as unknown[]).length);
    expect(result.events[0]!.EventType).toBe("ExecutionStarted");
  });

  it("accepts the { Events } shape and a byte-order mark", () => {
    const events = JSON.parse(fixture("step-basic.history.json")) as unknown[];
    const wrapped = readHistoryText(`\ufeff${JSON.stringify({ Events: events, NextMarker: null })}`);
    expect(wrapped.ok && wrapped.events.length).toBe(events.length);
  });
});

describe("readHistoryText on files that are not histories", () => {
  it("names the JSON mistake with its line, column and position", () => {
    const text = '[\n  {"EventId": 1 "EventType": "ExecutionStarted"}\n]';
    expect(readHistoryText(text)).toEqual({
      ok: false,
      message: "The file is not valid JSON: expected ',' or '}' after a property value, found '\"' at line 2, column 17 (position 18).",
      details: ['  {"EventId": 1 "EventType": "ExecutionStarted…\n                ^'],
    });
  });

  it("says when the file is cut off", () => {
    const text = fixture("hello-world.history.json");
    const result = readHistoryText(text.slice(0, text.length / 2));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^The file is not valid JSON: the file ends too early/);
  });

  it.each([
    ["", "The file is empty."],
    ["  \n ", "The file is empty."],
    ["42", "The file holds a number, not a history."],
    ['"Events"', "The file holds a string, not a history."],
    ["null", "The file holds null, not a history."],
    ["[]", "The history has no events."],
    ['{"Events": []}', "The history has no events."],
    ['{"Events": {"EventId": 1}}', '"Events" is an object, not an array of events.'],
    ['{"DurableExecutionArn": "arn", "Status": "SUCCEEDED"}', 'The file holds an object without an "Events" array (its keys: "DurableExecutionArn", "Status").'],
    ["{}", 'The file holds an object without an "Events" array (it is empty).'],
  ])("explains %j", (text, message) => {
    const result = readHistoryText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(message);
  });

  it("names each event that cannot be read and offers the rest", () => {
    const text = JSON.stringify([started, { EventId: 2, Id: "s1", Name: "charge" }, { EventId: 3, EventType: "StepStarted", Id: "s2" }, "junk"]);
    const result = readHistoryText(text);
    expect(result).toMatchObject({
      ok: false,
      message: "2 of 4 events could not be read.",
      details: ["event 2: no EventType", 'event at index 3 is not an object (got "junk")'],
    });
    expect(!result.ok && result.readable?.events.map((e) => e.EventId)).toEqual([1, 3]);
    expect(!result.ok && result.readable?.unread).toBe(2);
  });

  it("offers nothing when no event can be read", () => {
    const result = readHistoryText(JSON.stringify([{ EventType: "StepStarted" }, 7]));
    expect(result).toEqual({
      ok: false,
      message: "None of the 2 events could be read.",
      details: ["event at index 0 has no EventId", "event at index 1 is not an object (got 7)"],
    });
  });

  it("lists at most 20 problems and counts the rest", () => {
    const broken = Array.from({ length: 30 }, (_, i) => ({ EventId: i + 2, Id: `s${i}` }));
    const result = readHistoryText(JSON.stringify([started, ...broken]));
    expect(!result.ok && result.details).toHaveLength(21);
    expect(!result.ok && result.details[20]).toBe("…and 10 more");
    expect(!result.ok && result.message).toBe("30 of 31 events could not be read.");
    expect(!result.ok && result.readable?.problems).toHaveLength(30);
  });

  it("shows a history whose start is missing, saying so", () => {
    const result = readHistoryText(JSON.stringify([step]));
    expect(result).toMatchObject({ ok: true, problems: ["the history begins with StepStarted (event 2), not ExecutionStarted: its start may be missing"] });
  });

  it("keeps detail problems as warnings next to a readable history", () => {
    const result = readHistoryText(JSON.stringify([started, { ...step, EventTimestamp: "yesterday" }]));
    expect(result.ok).toBe(true);
    expect(result.ok && result.problems).toEqual(['event 2: EventTimestamp "yesterday" is not a timestamp']);
  });
});
