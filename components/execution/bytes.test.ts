import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [812, "812 B"],
    [1536, "1.5 KB"],
    [262_144, "256 KB"],
    [2_359_300, "2.3 MB"],
    [100 * 1024 * 1024, "100 MB"],
    [-1, "—"],
  ])("%i bytes read %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
