import { fixtureJson } from "../../sdk/src/local/recorded-histories.test-support";
import { describe, expect, it } from "vitest";
import { buildGraphModel, buildOperations, moreNodeId, parseHistory } from "@durable-lens/sdk/history";
import { matchCount, matchingIds, operationMatches, stepIndex, visibleNodeId } from "./selection";
import { searchScope } from "./use-workspace-search";

const ops = buildOperations(parseHistory(fixtureJson("map-basic.history.json")).events);
const byId = new Map(ops.map((op) => [op.id, op]));
const map = ops.find((op) => op.subType === "Map")!;
const item = ops.find((op) => op.name === "map-item-2")!;
const step = byId.get(item.children[0]!)!;

describe("stepIndex", () => {
  it("starts at an end, moves by one and stops at the ends", () => {
    expect([stepIndex(-1, 1, 3), stepIndex(-1, -1, 3), stepIndex(0, 1, 3), stepIndex(2, 1, 3), stepIndex(0, -1, 3)]).toEqual([0, 2, 1, 2, 0]);
    expect(stepIndex(-1, 1, 0)).toBeUndefined();
  });
});

describe("visibleNodeId", () => {
  const drawnWith = (opts: Parameters<typeof buildGraphModel>[1]) => new Set(buildGraphModel(ops, opts).nodes.map((n) => n.id));

  it("stands a hidden operation in for the outermost closed group around it", () => {
    expect(visibleNodeId(step.id, byId, drawnWith({ collapsed: new Set([map.id, item.id]) }))).toBe(map.id);
    expect(visibleNodeId(step.id, byId, drawnWith({ collapsed: new Set([item.id]) }))).toBe(item.id);
    expect(visibleNodeId(step.id, byId, drawnWith({}))).toBe(step.id);
    expect(visibleNodeId("unknown", byId, drawnWith({ collapsed: new Set([map.id]) }))).toBe("unknown");
    expect(visibleNodeId(undefined, byId, drawnWith({}))).toBeUndefined();
  });

  it("stands an operation paged out of its level in for that level's more node", () => {
    const drawn = drawnWith({ pageSize: 2 });
    // map-item-2 is the third item: past the page of two.
    expect(visibleNodeId(step.id, byId, drawn)).toBe(moreNodeId(map.id));
    expect(visibleNodeId(item.id, byId, drawn)).toBe(moreNodeId(map.id));
    const wait = ops.find((op) => op.type === "WAIT")!;
    expect(visibleNodeId(wait.id, byId, drawn)).toBe(moreNodeId(undefined));
  });
});

describe("matchingIds", () => {
  it("matches names, ids and types, and lights up the groups around a match", () => {
    expect(operationMatches(item, "ITEM-2")).toBe(true);
    expect(operationMatches(item, "wait")).toBe(false);
    expect(matchingIds(ops, byId, "map-item-2")).toEqual(new Set([item.id, map.id]));
    expect(matchingIds(ops, byId, step.id)).toEqual(new Set([step.id, item.id, map.id]));
    expect(matchingIds(ops, byId, "  ")).toBeUndefined();
  });
});

describe("operation search", () => {
  it("matches the status too, and says how many operations match", () => {
    expect(operationMatches(step, step.status.toLowerCase())).toBe(true);
    expect(matchCount(ops, "map-item-2")).toBe(1);
    expect(matchCount(ops, "no operation is called this")).toBe(0);
    expect(matchCount(ops, " ")).toBeUndefined();
  });

  it("does not look into payloads or errors, which are the Events tab's search", () => {
    const declined = { ...step, result: '{"reason":"card declined"}', error: { ErrorType: "Error", ErrorMessage: "card declined" } };
    expect(operationMatches(declined, "declined")).toBe(false);
    expect(operationMatches(declined, declined.id)).toBe(true);
  });

  it("gives the Graph and Timeline one operation search and the Events tab its own", () => {
    expect([searchScope("graph"), searchScope("timeline"), searchScope("events")]).toEqual(["operations", "operations", "events"]);
  });
});
