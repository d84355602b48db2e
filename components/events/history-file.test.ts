import { fixtureJson } from "../../sdk/src/local/recorded-histories.test-support";
import { describe, expect, it } from "vitest";
import { parseHistory } from "@durable-lens/sdk/history";
import { historyDocument, historyFileName, jsonLines } from "./history-file";


describe("historyDocument", () => {
  it("writes a file that reads back to the same events", () => {
    const { events } = parseHistory(fixtureJson("step-with-retry.history.json"));
    const text = historyDocument(events);
    expect(Object.keys(JSON.parse(text))).toEqual(["Events"]);
    expect(JSON.parse(text).Events[0].EventTimestamp).toBe("2025-12-03T22:59:52.607Z");
    const again = parseHistory(JSON.parse(text));
    expect(again.events).toEqual(events);
  });
});

describe("historyFileName", () => {
  it("keeps safe names and replaces the rest", () => {
    expect(historyFileName("order-1001")).toBe("order-1001.history.json");
    expect(historyFileName("a/b\\c d")).toBe("a_b_c_d.history.json");
    expect(historyFileName("///")).toBe("execution.history.json");
  });
});

describe("jsonLines", () => {
  it("prints each event over several lines, in order", () => {
    const lines = jsonLines([{ EventType: "StepStarted", EventId: 1, Id: "a" }, { EventType: "StepStarted", EventId: 2, Id: "b" }]);
    expect(lines).toEqual(["{", '  "EventType": "StepStarted",', '  "EventId": 1,', '  "Id": "a"', "}", "{", '  "EventType": "StepStarted",', '  "EventId": 2,', '  "Id": "b"', "}"]);
  });
});
