import { describe, expect, it } from "vitest";
import { clickRow, keepSelectable } from "./row-selection";

const keys = ["a", "b", "c", "d", "e"];

describe("clickRow", () => {
  it("ticks and clears a single row", () => {
    expect([...clickRow(new Set(), keys, undefined, "c", true, false)]).toEqual(["c"]);
    expect([...clickRow(new Set(["b", "c"]), keys, "b", "c", false, false)]).toEqual(["b"]);
  });

  it("ticks the range from the anchor on a shift-click, in either direction", () => {
    expect([...clickRow(new Set(["b"]), keys, "b", "d", true, true)].sort()).toEqual(["b", "c", "d"]);
    expect([...clickRow(new Set(["d"]), keys, "d", "a", true, true)].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("clears the range when the clicked row is cleared", () => {
    expect([...clickRow(new Set(keys), keys, "b", "d", false, true)].sort()).toEqual(["a", "e"]);
  });

  it("falls back to one row when the anchor is no longer on the page", () => {
    expect([...clickRow(new Set(), keys, "gone", "d", true, true)]).toEqual(["d"]);
  });
});

describe("keepSelectable", () => {
  it("drops rows that left the page or can no longer be selected, in page order", () => {
    expect([...keepSelectable(new Set(["e", "gone", "a"]), keys)]).toEqual(["a", "e"]);
  });
});
