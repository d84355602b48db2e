import { FIXTURE_FILES, fixtureJson } from "../local/recorded-histories.test-support.js";
import { describe, expect, it } from "vitest";
import { buildGraphModel, buildOperations, defaultCollapsedGroups, moreNodeId, parseHistory, type GraphModel, type OperationView } from "./index.js";

const graphOf = (name: string): GraphModel =>
  buildGraphModel(buildOperations(parseHistory(fixtureJson(name)).events));
const names = (model: GraphModel, ids: string[]) => ids.map((id) => model.nodes.find((n) => n.id === id)!.operation.name);
const edgePairs = (model: GraphModel) => model.edges.map((e) => [e.source, e.target]);

/** A bare operation view for synthetic graphs. */
function op(id: string, type: OperationView["type"], firstEventId: number, extra: Partial<OperationView> = {}): OperationView {
  return { id, type, status: "SUCCEEDED", firstEventId, lastEventId: firstEventId, eventIds: [firstEventId], attempts: [], truncated: false, children: [], ...extra };
}

describe("buildGraphModel", () => {
  it("starts at the execution and chains top-level operations in program order", () => {
    const model = graphOf("no-replay-execution.history.json");
    expect(model.nodes.map((n) => [n.kind, n.operation.name ?? null])).toEqual([
      ["execution", null],
      ["operation", "fetch-user-1"],
      ["operation", "fetch-user-2"],
    ]);
    const [exec, first, second] = model.nodes.map((n) => n.id);
    expect(edgePairs(model)).toEqual([
      [exec, first],
      [first, second],
    ]);
    expect(model.edges[0]!.id).toBe(`${exec}->${first}`);
  });

  it("draws a child context as a group holding its step", () => {
    const model = graphOf("run-in-child-context.history.json");
    const [exec, ctx, step] = model.nodes;
    expect([exec!.kind, ctx!.kind, step!.kind]).toEqual(["execution", "group", "operation"]);
    expect(step!.parentId).toBe(ctx!.id);
    expect([ctx!.depth, step!.depth]).toEqual([0, 1]);
    expect(ctx!.parentId).toBeUndefined();
    // The step is alone in its group, so the only edge is execution -> context.
    expect(edgePairs(model)).toEqual([[exec!.id, ctx!.id]]);
  });

  it("draws map iterations side by side inside the map, each holding its step", () => {
    const model = graphOf("map-basic.history.json");
    const map = model.nodes.find((n) => n.operation.subType === "Map")!;
    const iterations = model.nodes.filter((n) => n.parentId === map.id);
    expect(names(model, iterations.map((n) => n.id))).toEqual(["map-item-0", "map-item-1", "map-item-2", "map-item-3", "map-item-4"]);
    expect(iterations.every((n) => n.kind === "group" && n.depth === 1)).toBe(true);
    for (const it of iterations) {
      const inside = model.nodes.filter((n) => n.parentId === it.id);
      expect(inside.map((n) => [n.kind, n.depth])).toEqual([["operation", 2]]);
    }
    const iterationIds = new Set(iterations.map((n) => n.id));
    expect(model.edges.some((e) => iterationIds.has(e.source) || iterationIds.has(e.target))).toBe(false);
    const top = model.nodes.filter((n) => n.depth === 0).map((n) => n.operation.type);
    expect(top).toEqual(["EXECUTION", "CONTEXT", "WAIT"]);
    expect(model.edges).toHaveLength(2);
  });

  it("chains operations inside a sequential child context", () => {
    const model = graphOf("run-in-child-context-failing-step.history.json");
    const ctx = model.nodes.find((n) => n.operation.name === "child-with-failure")!;
    const wait = model.nodes.find((n) => n.operation.name === "wait-after-failure")!;
    expect(edgePairs(model)).toContainEqual([ctx.id, wait.id]);
    expect(model.nodes.find((n) => n.operation.name === "failing-step")!.parentId).toBe(ctx.id);
  });

  it.each(FIXTURE_FILES)("lists %s parents first, each operation once", (name) => {
    const model = graphOf(name);
    const seen = new Set<string>();
    for (const node of model.nodes) {
      expect(seen.has(node.id)).toBe(false);
      if (node.parentId !== undefined) expect(seen.has(node.parentId)).toBe(true);
      seen.add(node.id);
    }
    for (const edge of model.edges) {
      const source = model.nodes.find((n) => n.id === edge.source)!;
      const target = model.nodes.find((n) => n.id === edge.target)!;
      expect(source.parentId).toBe(target.parentId);
      // A "more" node carries its group's operation, not one of its own, so it has no place in program order.
      if (target.kind !== "more") expect(source.operation.firstEventId).toBeLessThan(target.operation.firstEventId);
    }
    expect(model.nodes.filter((n) => n.kind === "execution")).toHaveLength(1);
  });

  it("puts operations under a non-context parent in that parent's group, and orphans at the top", () => {
    const model = buildGraphModel([
      op("exec", "EXECUTION", 1),
      op("ctx", "CONTEXT", 2),
      op("step", "STEP", 3, { parentId: "ctx" }),
      op("inner", "STEP", 4, { parentId: "step" }),
      op("orphan", "WAIT", 5, { parentId: "ghost" }),
    ]);
    expect(model.nodes.map((n) => [n.id, n.parentId ?? null])).toEqual([
      ["exec", null],
      ["ctx", null],
      ["step", "ctx"],
      ["inner", "ctx"],
      ["orphan", null],
    ]);
    expect(edgePairs(model)).toEqual([
      ["exec", "ctx"],
      ["step", "inner"],
      ["ctx", "orphan"],
    ]);
  });

  it("survives a parent cycle by drawing both at the top level", () => {
    const model = buildGraphModel([op("a", "CONTEXT", 1, { parentId: "b" }), op("b", "CONTEXT", 2, { parentId: "a" })]);
    expect(model.nodes.map((n) => [n.id, n.parentId ?? null])).toEqual([
      ["a", null],
      ["b", null],
    ]);
  });

  it("returns an empty model for no operations", () => {
    expect(buildGraphModel([])).toEqual({ nodes: [], edges: [] });
  });

  it("summarizes what every group holds", () => {
    const model = graphOf("map-basic.history.json");
    const map = model.nodes.find((n) => n.operation.subType === "Map")!;
    expect(map.group).toEqual({ childCount: 5, descendantCount: 10, childStatuses: { SUCCEEDED: 5 }, collapsed: false });
    const item = model.nodes.find((n) => n.operation.name === "map-item-0")!;
    expect(item.group).toEqual({ childCount: 1, descendantCount: 1, childStatuses: { SUCCEEDED: 1 }, collapsed: false });
    expect(model.nodes.find((n) => n.kind === "operation")!.group).toBeUndefined();
  });

  it("draws a collapsed group as one node with its counts, leaving its members and their edges out", () => {
    const ops = buildOperations(parseHistory(fixtureJson("run-in-child-context-failing-step.history.json")).events);
    const ctx = ops.find((op) => op.name === "child-with-failure")!;
    const model = buildGraphModel(ops, { collapsed: new Set([ctx.id]) });
    expect(model.nodes.map((n) => n.operation.name ?? n.operation.type)).toEqual(["EXECUTION", "child-with-failure", "wait-after-failure"]);
    expect(model.nodes[1]!.group).toEqual({ childCount: 1, descendantCount: 1, childStatuses: { FAILED: 1 }, collapsed: true });
    expect(edgePairs(model)).toEqual([
      [model.nodes[0]!.id, ctx.id],
      [ctx.id, model.nodes[2]!.id],
    ]);
  });

  it("starts big groups collapsed, and only those", () => {
    const ops = buildOperations(parseHistory(fixtureJson("map-basic.history.json")).events);
    const map = ops.find((op) => op.subType === "Map")!;
    expect(defaultCollapsedGroups(ops)).toEqual(new Set());
    expect(defaultCollapsedGroups(ops, 9)).toEqual(new Set([map.id]));
    // Each item holds one step: above a threshold of 0 every item collapses too.
    expect(defaultCollapsedGroups(ops, 0).size).toBe(6);
  });

  it("counts nested groups' members for the outer group", () => {
    const model = buildGraphModel([
      op("exec", "EXECUTION", 1),
      op("outer", "CONTEXT", 2),
      op("inner", "CONTEXT", 3, { parentId: "outer" }),
      op("a", "STEP", 4, { parentId: "inner", status: "FAILED" }),
      op("b", "STEP", 5, { parentId: "inner" }),
    ], { collapsed: new Set(["inner", "exec", "nothing"]) });
    expect(model.nodes.map((n) => [n.id, n.group?.descendantCount, n.group?.collapsed])).toEqual([
      ["exec", undefined, undefined],
      ["outer", 3, false],
      ["inner", 2, true],
    ]);
    expect(model.nodes[2]!.group!.childStatuses).toEqual({ FAILED: 1, SUCCEEDED: 1 });
  });

  it("leaves an empty group open even when asked to collapse it", () => {
    const model = buildGraphModel([op("exec", "EXECUTION", 1), op("empty", "CONTEXT", 2)], { collapsed: new Set(["empty"]) });
    expect(model.nodes[1]!.group).toEqual({ childCount: 0, descendantCount: 0, childStatuses: {}, collapsed: false });
  });

  it("draws a page of a big level and one node standing for the rest, with their statuses", () => {
    const ops = buildOperations(parseHistory(fixtureJson("map-basic.history.json")).events);
    const map = ops.find((op) => op.subType === "Map")!;
    const model = buildGraphModel(ops, { pageSize: 2 });
    const inMap = model.nodes.filter((n) => n.parentId === map.id);
    expect(inMap.map((n) => n.kind)).toEqual(["group", "group", "more"]);
    const more = inMap[2]!;
    expect(more.id).toBe(moreNodeId(map.id));
    expect(more.operation).toBe(map);
    expect(more.more).toEqual({ groupId: map.id, hidden: 3, statuses: { SUCCEEDED: 3 } });
    // The map's concurrent items get no edges, the "more" node neither.
    expect(model.edges.some((e) => e.target === more.id)).toBe(false);
    // The top level has 3 operations: a page of 2, then "1 more" chained after the last one shown.
    const top = model.nodes.filter((n) => n.parentId === undefined);
    expect(top.map((n) => n.kind)).toEqual(["execution", "group", "more"]);
    expect(top[2]!.more).toEqual({ hidden: 1, statuses: { SUCCEEDED: 1 } });
    expect(edgePairs(model)).toContainEqual([map.id, moreNodeId(undefined)]);
  });

  it("draws as many members as asked for where the user showed more", () => {
    const ops = buildOperations(parseHistory(fixtureJson("map-basic.history.json")).events);
    const map = ops.find((op) => op.subType === "Map")!;
    const model = buildGraphModel(ops, { pageSize: 2, shown: new Map([[map.id, 4], ["", 3]]) });
    expect(model.nodes.filter((n) => n.parentId === map.id).map((n) => n.kind)).toEqual(["group", "group", "group", "group", "more"]);
    expect(model.nodes.find((n) => n.id === moreNodeId(map.id))!.more!.hidden).toBe(1);
    expect(model.nodes.some((n) => n.kind === "more" && n.parentId === undefined)).toBe(false);
  });
});
