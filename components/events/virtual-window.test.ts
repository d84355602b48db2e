import { describe, expect, it } from "vitest";
import { scrollToReveal, virtualWindow } from "./virtual-window";

describe("virtualWindow", () => {
  it("renders the visible rows and the overscan around them", () => {
    expect(virtualWindow({ count: 20_000, rowHeight: 28, scrollTop: 2800, viewportHeight: 560 })).toEqual({ start: 90, end: 131, totalHeight: 560_000 });
  });

  it("clamps at both ends of the list", () => {
    expect(virtualWindow({ count: 5, rowHeight: 28, scrollTop: 0, viewportHeight: 560 })).toEqual({ start: 0, end: 5, totalHeight: 140 });
    expect(virtualWindow({ count: 100, rowHeight: 10, scrollTop: 5000, viewportHeight: 100 })).toEqual({ start: 100, end: 100, totalHeight: 1000 });
    expect(virtualWindow({ count: 0, rowHeight: 10, scrollTop: -50, viewportHeight: 100 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });
});

describe("scrollToReveal", () => {
  it("scrolls up to a row above the viewport and down to one below it", () => {
    expect(scrollToReveal({ index: 2, rowHeight: 20, scrollTop: 100, viewportHeight: 200 })).toBe(40);
    expect(scrollToReveal({ index: 20, rowHeight: 20, scrollTop: 100, viewportHeight: 200 })).toBe(220);
  });

  it("leaves a visible row alone, and keeps rows clear of a sticky header", () => {
    expect(scrollToReveal({ index: 6, rowHeight: 20, scrollTop: 100, viewportHeight: 200 })).toBeUndefined();
    expect(scrollToReveal({ index: 14, rowHeight: 20, scrollTop: 100, viewportHeight: 200, headerHeight: 30 })).toBe(130);
  });
});
