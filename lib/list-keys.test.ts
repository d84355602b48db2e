import { describe, expect, it } from "vitest";
import { listKeyAction, moveActive } from "./list-keys";

describe("listKeyAction", () => {
  it("maps j/k, Enter/o and /, leaving arrows to scroll the page", () => {
    expect(["j", "k", "Enter", "o", "/", "x", "ArrowDown"].map((key) => listKeyAction({ key }))).toEqual([
      "next",
      "previous",
      "open",
      "open",
      "search",
      undefined,
      undefined,
    ]);
  });

  it("lets Enter on a focused link or button do its own thing", () => {
    expect(listKeyAction({ key: "Enter", target: { tagName: "A" } as unknown as EventTarget })).toBeUndefined();
    expect(listKeyAction({ key: "Enter", target: { tagName: "BUTTON" } as unknown as EventTarget })).toBeUndefined();
    expect(listKeyAction({ key: "o", target: { tagName: "A" } as unknown as EventTarget })).toBe("open");
  });

  it("leaves typing in fields and browser shortcuts alone", () => {
    expect(listKeyAction({ key: "j", target: { tagName: "input" } as unknown as EventTarget })).toBeUndefined();
    expect(listKeyAction({ key: "/", target: { tagName: "TEXTAREA" } as unknown as EventTarget })).toBeUndefined();
    expect(listKeyAction({ key: "k", target: { tagName: "DIV", isContentEditable: true } as unknown as EventTarget })).toBeUndefined();
    expect(listKeyAction({ key: "j", target: { tagName: "BUTTON" } as unknown as EventTarget })).toBe("next");
    expect(listKeyAction({ key: "j", ctrlKey: true })).toBeUndefined();
    expect(listKeyAction({ key: "/", metaKey: true })).toBeUndefined();
  });
});

describe("moveActive", () => {
  const keys = ["a", "b", "c"];

  it("starts at the first row going down and the last going up", () => {
    expect(moveActive(keys, undefined, 1)).toBe("a");
    expect(moveActive(keys, undefined, -1)).toBe("c");
  });

  it("moves by one and stops at the ends", () => {
    expect(moveActive(keys, "a", 1)).toBe("b");
    expect(moveActive(keys, "c", 1)).toBe("c");
    expect(moveActive(keys, "a", -1)).toBe("a");
  });

  it("starts over when the active row left the list (after a refresh)", () => {
    expect(moveActive(keys, "gone", 1)).toBe("a");
    expect(moveActive([], "a", 1)).toBeUndefined();
  });
});
