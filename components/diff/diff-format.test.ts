import { describe, expect, it } from "vitest";
import { formatChangeValue, formatDeltaCount, formatDeltaMs, formatFieldChange } from "./diff-format";

describe("diff wording", () => {
  it("signs deltas", () => {
    expect(formatDeltaMs(1200)).toBe("+1.2 s");
    expect(formatDeltaMs(-850)).toBe("−850 ms");
    expect(formatDeltaMs(0)).toBe("±0 ms");
    expect(formatDeltaMs(undefined)).toBe("—");
    expect(formatDeltaCount(2)).toBe("+2");
    expect(formatDeltaCount(-1)).toBe("−1");
    expect(formatDeltaCount(0)).toBe("±0");
  });

  it("names both sides of a member change", () => {
    expect(formatFieldChange({ field: "attempts", left: 1, right: 3 })).toBe("attempts: 1 → 3");
    expect(formatFieldChange({ field: "name", right: "process-data" })).toBe("name: (none) → process-data");
  });

  it("shows JSON values as JSON and text as text, cut when long", () => {
    expect(formatChangeValue("a", "json")).toBe('"a"');
    expect(formatChangeValue({ a: [1] }, "json")).toBe('{"a":[1]}');
    expect(formatChangeValue("<b>raw</b>", "text")).toBe("<b>raw</b>");
    expect(formatChangeValue(undefined, "json")).toBe("");
    expect(formatChangeValue("x".repeat(400), "text")).toHaveLength(301);
  });
});
