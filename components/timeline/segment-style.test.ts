import { describe, expect, it } from "vitest";
import { segmentTitle } from "./segment-style";

describe("segmentTitle", () => {
  it("names a bar's status and length, and a bar still going", () => {
    expect(segmentTitle({ kind: "attempt", start: 0, end: 5, status: "FAILED", attempt: 2 }, "5 ms")).toBe("attempt 2 · FAILED · 5 ms");
    expect(segmentTitle({ kind: "backoff", start: 0, status: "SCHEDULED", attempt: 1 }, "1 s")).toBe("back-off after attempt 1 · retry scheduled · 1 s · still going");
    expect(segmentTitle({ kind: "backoff", start: 0, end: 9, status: "SCHEDULED", attempt: 1 }, "9 ms")).toBe("back-off after attempt 1 · retried · 9 ms");
  });

  it("says why a bar cut off by the execution's end never finished, never that it retried", () => {
    const cut = { kind: "backoff", start: 0, end: 9, status: "SCHEDULED", attempt: 1, cutOff: true } as const;
    expect(segmentTitle(cut, "9 ms", "the execution ended before retry 2")).toBe("back-off after attempt 1 · the execution ended before retry 2 · 9 ms");
    expect(segmentTitle({ kind: "wait", start: 0, end: 9, status: "STARTED", cutOff: true }, "9 ms")).toBe("wait · never finished: the execution ended first · 9 ms");
  });
});
