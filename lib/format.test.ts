import { describe, expect, it } from "vitest";
import { durationBetween, formatBytes, formatDuration, formatTimestamp, prettyPayload } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [3_200, "3.2 s"],
    [42_000, "42 s"],
    [65_000, "1 min 5 s"],
    [2 * 3600_000 + 3 * 60_000, "2 h 3 min"],
    [7 * 86400_000 + 3600_000, "7 d 1 h"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("shows a dash for unknown durations", () => {
    expect(formatDuration(undefined)).toBe("—");
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("durationBetween", () => {
  it("measures between ISO strings, or up to now without an end", () => {
    expect(durationBetween("2026-01-01T00:00:00Z", "2026-01-01T00:00:02.5Z")).toBe(2500);
    expect(durationBetween("2026-01-01T00:00:00Z", undefined, Date.parse("2026-01-01T00:01:00Z"))).toBe(60_000);
    expect(durationBetween("2026-01-01T00:00:00Z", undefined)).toBeUndefined();
    expect(durationBetween("garbage", "2026-01-01T00:00:00Z")).toBeUndefined();
  });
});

describe("formatTimestamp", () => {
  it("formats in local time, with milliseconds on request", () => {
    const d = new Date(2026, 0, 2, 3, 4, 5, 67);
    expect(formatTimestamp(d)).toBe("2026-01-02 03:04:05");
    expect(formatTimestamp(d, true)).toBe("2026-01-02 03:04:05.067");
    expect(formatTimestamp(undefined)).toBe("—");
  });
});

describe("prettyPayload", () => {
  it("indents JSON and leaves other text alone", () => {
    expect(prettyPayload('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyPayload('"step succeeded"')).toBe('"step succeeded"');
    expect(prettyPayload("<b>not json</b>")).toBe("<b>not json</b>");
    expect(prettyPayload("{broken")).toBe("{broken");
  });
});

describe("formatBytes", () => {
  it("uses the largest unit that keeps the number readable", () => {
    expect([0, 512, 1024, 1536, 10 * 1024, 1024 * 1024 * 12.4, 1024 ** 3 * 2].map(formatBytes)).toEqual([
      "0 B",
      "512 B",
      "1 KB",
      "1.5 KB",
      "10 KB",
      "12.4 MB",
      "2 GB",
    ]);
    expect(formatBytes(262_144)).toBe("256 KB");
    expect(formatBytes(100 * 1024 * 1024)).toBe("100 MB");
    expect(formatBytes(-1)).toBe("—");
  });
});
