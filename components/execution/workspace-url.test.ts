import { describe, expect, it } from "vitest";
import { readWorkspaceState, withWorkspaceChange } from "./workspace-url";

describe("readWorkspaceState", () => {
  it("reads the tab, selection and search", () => {
    expect(readWorkspaceState(new URLSearchParams("tab=timeline&op=abc&q=charge%20card"))).toEqual({ tab: "timeline", opId: "abc", query: "charge card" });
    expect(readWorkspaceState(new URLSearchParams("tab=events&event=12"))).toEqual({ tab: "events", eventId: 12, query: "" });
  });

  it("falls back to the graph and ignores event ids that are not positive integers", () => {
    expect(readWorkspaceState(new URLSearchParams("tab=nope&event=1.5"))).toEqual({ tab: "graph", query: "" });
    expect(readWorkspaceState(new URLSearchParams("event=0&op="))).toEqual({ tab: "graph", query: "" });
    expect(readWorkspaceState(new URLSearchParams("at=-3&event=x"))).toEqual({ tab: "graph", query: "" });
  });

  it("reads the point the page travels to, next to the rest", () => {
    expect(readWorkspaceState(new URLSearchParams("at=30&tab=timeline&op=abc"))).toEqual({ tab: "timeline", opId: "abc", query: "", at: 30 });
  });
});

describe("withWorkspaceChange", () => {
  it("sets and removes parameters, keeping the ones it does not own", () => {
    expect(withWorkspaceChange("?tab=events&x=1", { op: "abc", event: undefined })).toBe("?tab=events&x=1&op=abc");
    expect(withWorkspaceChange("?op=abc", { op: undefined, event: 7 })).toBe("?event=7");
  });

  it("sets and clears the point in time, keeping the selection", () => {
    expect(withWorkspaceChange("?op=abc", { at: 12 })).toBe("?op=abc&at=12");
    expect(withWorkspaceChange("?at=12&op=abc", { at: undefined })).toBe("?op=abc");
  });

  it("leaves the defaults out of the URL", () => {
    expect(withWorkspaceChange("?tab=events&q=x", { tab: "graph", q: "" })).toBe("");
  });

  it("keeps the event search apart from the operation search", () => {
    expect(readWorkspaceState(new URLSearchParams("tab=events&q=charge&eq=declined"))).toEqual({ tab: "events", query: "charge", eventQuery: "declined" });
    expect(withWorkspaceChange("?q=charge&eq=declined", { eq: "" })).toBe("?q=charge");
  });

  it("encodes operation ids and search text", () => {
    expect(withWorkspaceChange("", { op: "a&b", q: "x y" })).toBe("?op=a%26b&q=x+y");
    expect(readWorkspaceState(new URLSearchParams("?op=a%26b&q=x+y"))).toMatchObject({ opId: "a&b", query: "x y" });
  });
});
