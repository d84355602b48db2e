import { FIXTURE_FILES, fixtureJson } from "../local/recorded-histories.test-support.js";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGraphModel, buildOperations, defaultCollapsedGroups, moreNodeId, parseHistory, type GraphModel, type OperationView } from "./index.js";
import { FAN_OUT_THRESHOLD, fanOutKey, isFanOut, lifetimeOf, sequenceEdges } from "./graph.js";

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

  it("draws map iterations inside the map, each holding its step, ordered only where one ended before another started", () => {
    const model = graphOf("map-basic.history.json");
    const map = model.nodes.find((n) => n.operation.subType === "Map")!;
    const iterations = model.nodes.filter((n) => n.parentId === map.id);
    expect(names(model, iterations.map((n) => n.id))).toEqual(["map-item-0", "map-item-1", "map-item-2", "map-item-3", "map-item-4"]);
    expect(iterations.every((n) => n.kind === "group" && n.depth === 1)).toBe(true);
    for (const it of iterations) {
      const inside = model.nodes.filter((n) => n.parentId === it.id);
      expect(inside.map((n) => [n.kind, n.depth])).toEqual([["operation", 2]]);
    }
    // The recording ran two items at a time: 0 and 1 overlap, 2 and 3 start after both ended, then 4.
    const [i0, i1, i2, i3, i4] = iterations.map((n) => n.id);
    const inMap = model.edges.filter((e) => iterations.some((n) => n.id === e.source));
    expect(inMap.map((e) => [e.source, e.target]).sort()).toEqual([[i0, i2], [i0, i3], [i1, i2], [i1, i3], [i2, i4], [i3, i4]].sort());
    const top = model.nodes.filter((n) => n.depth === 0).map((n) => n.operation.type);
    expect(top).toEqual(["EXECUTION", "CONTEXT", "WAIT"]);
    expect(model.edges).toHaveLength(8);
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
      ["ctx", "orphan"],
      ["step", "inner"],
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
    // Items 2-4 started after items 0 and 1 ended: both lead to the node standing for them, and nothing leaves it.
    expect(edgePairs(model).filter(([, target]) => target === more.id)).toEqual([[inMap[0]!.id, more.id], [inMap[1]!.id, more.id]]);
    expect(model.edges.some((e) => e.source === more.id)).toBe(false);
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

/** An operation that ran from event `start` to event `end` (open when `end` is undefined). */
function ran(id: string, start: number, end?: number, extra: Partial<OperationView> = {}): OperationView {
  return op(id, extra.type ?? "STEP", start, { status: end === undefined ? "STARTED" : "SUCCEEDED", lastEventId: end ?? start, ...extra });
}
const ids = (pairs: [OperationView, OperationView][]) => pairs.map(([a, b]) => `${a.id}->${b.id}`).sort();

describe("sequenceEdges", () => {
  const exec = op("exec", "EXECUTION", 1, { lastEventId: 99 });

  it("forks three waits started together from the start and draws no edge between them", () => {
    const waits = [ran("w1", 2, 5, { type: "WAIT" }), ran("w2", 3, 6, { type: "WAIT" }), ran("w3", 4, 7, { type: "WAIT" })];
    expect(ids(sequenceEdges([exec, ...waits]))).toEqual(["exec->w1", "exec->w2", "exec->w3"]);
  });

  it("joins overlapping operations into the one that started after all of them ended", () => {
    const model = [exec, ran("a", 2, 5), ran("b", 3, 4), ran("after", 6, 7)];
    expect(ids(sequenceEdges(model))).toEqual(["a->after", "b->after", "exec->a", "exec->b"]);
  });

  it("keeps only immediate predecessors of a chain", () => {
    const model = [exec, ran("a", 2, 3), ran("b", 4, 5), ran("c", 6, 7)];
    expect(ids(sequenceEdges(model))).toEqual(["a->b", "b->c", "exec->a"]);
  });

  it("draws an unawaited wait beside the step that ran while it waited", () => {
    // The wait starts, a step runs and ends, then the wait is awaited; the next step follows both.
    const model = [exec, ran("wait", 2, 8, { type: "WAIT" }), ran("step", 3, 4), ran("next", 9, 10)];
    expect(ids(sequenceEdges(model))).toEqual(["exec->step", "exec->wait", "step->next", "wait->next"]);
  });

  it("leaves an operation that never closed open to the end: nothing follows a race's loser", () => {
    const model = [exec, ran("winner", 2, 4), ran("loser", 3), ran("pending", 5, undefined, { status: "PENDING", lastEventId: 6 }), ran("after", 7, 8)];
    expect(ids(sequenceEdges(model))).toEqual(["exec->loser", "exec->winner", "winner->after", "winner->pending"]);
  });

  it("treats a failed or stopped operation as ended, and an operation with one event as starting and ending there", () => {
    const model = [exec, ran("failed", 2, 3, { status: "FAILED" }), ran("single", 4, 4), ran("stopped", 5, 6, { status: "STOPPED" })];
    expect(ids(sequenceEdges(model))).toEqual(["exec->failed", "failed->single", "single->stopped"]);
  });

  it("keeps an operation with a start time and no end time open whatever its status says", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(lifetimeOf(ran("abandoned", 2, 3, { status: "STOPPED", startedAt: at })).end).toBe(Number.POSITIVE_INFINITY);
    expect(lifetimeOf(ran("done", 2, 3, { startedAt: at, endedAt: at })).end).toBe(3);
  });

  it("starts everything at the execution's first event", () => {
    expect(lifetimeOf(exec)).toEqual({ start: 1, end: 1 });
    expect(lifetimeOf(ran("open", 2))).toEqual({ start: 2, end: Number.POSITIVE_INFINITY });
  });

  it("handles thousands of members in one pass: concurrent ones get no edges, sequential ones a chain", () => {
    const n = 5000;
    const concurrent = Array.from({ length: n }, (_, i) => ran(`c${i}`, 2 + i, 2 + n + i));
    expect(sequenceEdges(concurrent)).toHaveLength(0);
    const chain = Array.from({ length: n }, (_, i) => ran(`s${i}`, 2 + 2 * i, 3 + 2 * i));
    const edges = sequenceEdges(chain);
    expect(edges).toHaveLength(n - 1);
    expect(edges.every(([a, b]) => Number(b.id.slice(1)) === Number(a.id.slice(1)) + 1)).toBe(true);
  });
});

describe("buildGraphModel on recorded concurrency", () => {
  it("forks Promise.all over waits and a step from the start, with no edges among them", () => {
    const model = graphOf("promise-all-wait.history.json");
    const exec = model.nodes[0]!;
    const others = model.nodes.slice(1);
    expect(others).toHaveLength(4);
    expect(edgePairs(model)).toEqual(others.map((n) => [exec.id, n.id]));
  });

  it("joins promise combinators' steps only where one began after the others ended", () => {
    const model = graphOf("promise-combinators.history.json");
    const byName = (name: string) => model.nodes.find((n) => n.operation.name === name)!.id;
    const pairs = edgePairs(model);
    // step1..3 and all-steps ran together; none follows another.
    const together = ["step1", "step2", "step3", "all-steps"].map(byName);
    for (const a of together) for (const b of together) expect(pairs).not.toContainEqual([a, b]);
    // step4 started after all four ended.
    for (const a of together) expect(pairs).toContainEqual([a, byName("step4")]);
    // step4 ran on until after settled-steps began, so settled-steps does not follow it.
    expect(pairs).not.toContainEqual([byName("step4"), byName("settled-steps")]);
  });

  it("draws parallel branches that overlap without edges", () => {
    const model = graphOf("parallel-wait.history.json");
    const parallel = model.nodes.find((n) => n.operation.subType === "Parallel")!;
    const branches = new Set(model.nodes.filter((n) => n.parentId === parallel.id).map((n) => n.id));
    expect(branches.size).toBe(3);
    expect(model.edges.some((e) => branches.has(e.source) || branches.has(e.target))).toBe(false);
  });
});

/** A map of `n` items, each a child context holding one step, run two at a time. */
function bigMap(n: number, subType = "Map"): OperationView[] {
  const out = [op("exec", "EXECUTION", 1), op("map", "CONTEXT", 2, { subType, lastEventId: 10 + 4 * n })];
  for (let i = 0; i < n; i++) {
    const at = 3 + 4 * i;
    out.push(op(`item${i}`, "CONTEXT", at, { parentId: "map", name: `map-item-${i}`, lastEventId: at + 3, status: i % 7 === 3 ? "FAILED" : "SUCCEEDED" }));
    out.push(op(`step${i}`, "STEP", at + 1, { parentId: `item${i}`, lastEventId: at + 2 }));
  }
  return out;
}

describe("fan-outs", () => {
  it("are maps and parallels past the threshold, or groups of only child contexts", () => {
    const items = (n: number, type: OperationView["type"] = "CONTEXT") => Array.from({ length: n }, () => ({ type }));
    expect(isFanOut({ type: "CONTEXT", subType: "Map" }, items(FAN_OUT_THRESHOLD))).toBe(false);
    expect(isFanOut({ type: "CONTEXT", subType: "Map" }, items(FAN_OUT_THRESHOLD + 1, "STEP"))).toBe(true);
    expect(isFanOut({ type: "CONTEXT", subType: "SomeOtherSdkMap" }, items(20))).toBe(true);
    expect(isFanOut({ type: "CONTEXT", subType: "RunInChildContext" }, items(20, "STEP"))).toBe(false);
    expect(isFanOut({ type: "STEP" }, items(20))).toBe(false);
  });

  it("start as a grid: the map open, every item folded, and the map counted as one node around it", () => {
    const ops = bigMap(50);
    const defaults = defaultCollapsedGroups(ops);
    expect(defaults.has("map")).toBe(false);
    expect([...defaults].sort()).toEqual([fanOutKey("map"), ...Array.from({ length: 50 }, (_, i) => `item${i}`)].sort());
    const model = buildGraphModel(ops, { collapsed: defaults });
    expect(model.nodes.map((n) => n.id)).toEqual(["exec", "map"]);
    const group = model.nodes[1]!.group!;
    expect(group.collapsed).toBe(false);
    expect(group.fanOut!.items.map((i) => i.id)).toEqual(Array.from({ length: 50 }, (_, i) => `item${i}`));
    expect(group.fanOut!.expanded).toEqual(new Set());
    expect(group.childStatuses).toEqual({ SUCCEEDED: 43, FAILED: 7 });
  });

  it("draw an item expanded out of the grid with its operations", () => {
    const ops = bigMap(50);
    const collapsed = defaultCollapsedGroups(ops);
    collapsed.delete("item7");
    collapsed.delete("item9");
    const model = buildGraphModel(ops, { collapsed });
    expect(model.nodes.map((n) => [n.id, n.parentId ?? null])).toEqual([
      ["exec", null],
      ["map", null],
      ["item7", "map"],
      ["step7", "item7"],
      ["item9", "map"],
      ["step9", "item9"],
    ]);
    expect(model.nodes[1]!.group!.fanOut!.expanded).toEqual(new Set(["item7", "item9"]));
    // Items 7 and 9 ran at different times: 9 started after 7 ended (with 8 between them, which is not drawn).
    expect(edgePairs(model)).toEqual([["exec", "map"], ["item7", "item9"]]);
  });

  it("keep their grid at a past point with few items, given the whole history's defaults", () => {
    const whole = bigMap(50);
    const early = whole.filter((o) => o.firstEventId <= 12); // the map and its first few items
    expect(early.filter((o) => o.parentId === "map").length).toBeLessThanOrEqual(FAN_OUT_THRESHOLD);
    const model = buildGraphModel(early, { collapsed: defaultCollapsedGroups(whole) });
    expect(model.nodes.map((n) => n.id)).toEqual(["exec", "map"]);
    expect(model.nodes[1]!.group!.fanOut!.items.length).toBe(early.filter((o) => o.parentId === "map").length);
    // Without them, a map that small is drawn item by item.
    expect(buildGraphModel(early).nodes[1]!.group!.fanOut).toBeUndefined();
  });

  it("count as one node for the groups around them, which then stay open", () => {
    const ops = [...bigMap(60).map((o) => (o.id === "map" ? { ...o, parentId: "outer" } : o)), op("outer", "CONTEXT", 2)];
    ops.sort((a, b) => a.firstEventId - b.firstEventId);
    expect(defaultCollapsedGroups(ops).has("outer")).toBe(false);
  });
});

/** The shapes recorded for issue 14 (sdk/fixtures/histories), by our runtime and by the official SDK. */
const SHAPES_DIR = new URL("../../fixtures/histories/", import.meta.url);
const SHAPE_FILES = readdirSync(SHAPES_DIR).filter((f) => f.endsWith(".history.json")).sort();
const shapeOps = (file: string) => buildOperations(parseHistory(JSON.parse(readFileSync(new URL(file, SHAPES_DIR), "utf8"))).events);
const shapeGraph = (file: string) => {
  const ops = shapeOps(file);
  return buildGraphModel(ops, { collapsed: defaultCollapsedGroups(ops) });
};

describe("sequence edges on every recorded history", () => {
  const all = [...SHAPE_FILES.map((f) => ["shape", f] as const), ...FIXTURE_FILES.map((f) => ["shared", f] as const)];
  it.each(all)("%s %s: edges join only operations one of which ended before the other started, immediately", (kind, file) => {
    const ops = kind === "shape" ? shapeOps(file) : buildOperations(parseHistory(fixtureJson(file)).events);
    const model = buildGraphModel(ops);
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    const levelOf = new Map<string | undefined, OperationView[]>();
    for (const n of model.nodes) if (n.kind !== "more") levelOf.set(n.parentId, [...(levelOf.get(n.parentId) ?? []), n.operation]);
    const incoming = new Set(model.edges.map((e) => e.target));
    for (const edge of model.edges) {
      const a = lifetimeOf(byId.get(edge.source)!.operation);
      const target = byId.get(edge.target)!;
      if (target.kind === "more") continue;
      const b = lifetimeOf(target.operation);
      expect(a.end).toBeLessThan(b.start);
      // Nothing of the level ran wholly between them.
      for (const c of levelOf.get(target.parentId) ?? []) {
        const lc = lifetimeOf(c);
        expect(a.end < lc.start && lc.end < b.start).toBe(false);
      }
    }
    // Whatever started after something of its level ended has a predecessor drawn.
    for (const [, level] of levelOf) {
      for (const b of level) {
        const follows = level.some((a) => lifetimeOf(a).end < lifetimeOf(b).start);
        expect(incoming.has(b.id)).toBe(follows);
      }
    }
  });
});

describe("buildGraphModel on the issue's recorded shapes", () => {
  const edgeNames = (model: GraphModel) =>
    model.edges.map((e) => [e.source, e.target].map((id) => model.nodes.find((n) => n.id === id)!).map((n) => (n.kind === "execution" ? "START" : n.operation.name)).join("->")).sort();

  it.each(["ours", "official"])("%s promise-all-waits: three waits forked from the start, joined into the step after them", (who) => {
    expect(edgeNames(shapeGraph(`${who}-promise-all-waits.history.json`))).toEqual(
      ["START->wait-1s", "START->wait-5s", "START->wait-10s", "wait-1s->after-waits", "wait-5s->after-waits", "wait-10s->after-waits"].sort(),
    );
  });

  it("ours unawaited-operations: the wait runs beside the steps started while it was pending", () => {
    expect(edgeNames(shapeGraph("ours-unawaited-operations.history.json"))).toEqual(
      ["START->cool-down", "START->prepare", "prepare->validate", "cool-down->finish", "validate->finish"].sort(),
    );
  });

  it("official unawaited-operations: the wait runs beside the step started while it was pending", () => {
    expect(edgeNames(shapeGraph("official-unawaited-operations.history.json"))).toEqual(
      ["START->cool-down", "START->prepare", "cool-down->validate", "prepare->validate", "validate->finish"].sort(),
    );
  });

  it.each(["ours", "official"])("%s promise-race: the racers and the race's context start together, with no edges between them", (who) => {
    expect(edgeNames(shapeGraph(`${who}-promise-race.history.json`))).toEqual(["START->fast-lookup", "START->lookup-or-timeout", "START->race-timeout"]);
  });

  it("ours promise-any-steps: the racers start together; the step that waits for a retry and the wait never finished lead nowhere", () => {
    expect(edgeNames(shapeGraph("ours-promise-any-steps.history.json"))).toEqual(
      ["START->backup", "START->first-answer", "START->flaky-primary", "START->slow-path", "backup->use-answer", "first-answer->use-answer"].sort(),
    );
  });

  it("official promise-any-steps: the racers start together; the retry that ran after the answer is no predecessor of it", () => {
    expect(edgeNames(shapeGraph("official-promise-any-steps.history.json"))).toEqual(
      ["START->backup", "START->first-answer", "START->flaky-primary", "START->slow-path", "backup->use-answer", "first-answer->use-answer", "slow-path->use-answer"].sort(),
    );
  });

  it("ours promise-race: the wait that never finished is open to the end", () => {
    const model = shapeGraph("ours-promise-race.history.json");
    const wait = model.nodes.find((n) => n.operation.type === "WAIT")!;
    expect(lifetimeOf(wait.operation).end).toBe(Number.POSITIVE_INFINITY);
  });

  it.each(["ours", "official"])("%s map-50: a fan-out of 50 items, two failed, none drawn until expanded", (who) => {
    const model = shapeGraph(`${who}-map-50.history.json`);
    const map = model.nodes.find((n) => n.operation.subType === "Map")!;
    expect(map.group!.fanOut!.items).toHaveLength(50);
    expect(map.group!.childStatuses.FAILED).toBe(2);
    expect(model.nodes.some((n) => n.parentId === map.id)).toBe(false);
  });

  it.each(["ours", "official"])("%s parallel-heterogeneous: branches that overlap get no edges between them", (who) => {
    const model = shapeGraph(`${who}-parallel-heterogeneous.history.json`);
    const parallel = model.nodes.find((n) => n.operation.subType === "Parallel")!;
    const branches = model.nodes.filter((n) => n.parentId === parallel.id);
    expect(branches.length).toBe(3);
    const overlapping = (a: OperationView, b: OperationView) => !(lifetimeOf(a).end < lifetimeOf(b).start || lifetimeOf(b).end < lifetimeOf(a).start);
    for (const e of model.edges) {
      const [a, b] = [branches.find((n) => n.id === e.source), branches.find((n) => n.id === e.target)];
      if (a && b) expect(overlapping(a.operation, b.operation)).toBe(false);
    }
  });
});
