import { fixtureJson } from "../../sdk/src/local/recorded-histories.test-support";
import { describe, expect, it } from "vitest";
import { buildGraphModel, buildOperations, parseHistory } from "@durable-lens/sdk/history";
import { buildGraphModel as build, buildOperations as ops, defaultCollapsedGroups, operationLabel, type OperationView } from "@durable-lens/sdk/history";
import { fanOutBox, fanOutItemLabel, groupHeader } from "./node-size";
import { createElk, layoutGraph, NODE_HEIGHT, NODE_WIDTH, refreshGraph, stackedLayout, structureKey, type FlowGraph } from "./layout";

async function laidOut(name: string): Promise<FlowGraph> {
  const { events } = parseHistory(fixtureJson(name));
  return layoutGraph(buildGraphModel(buildOperations(events)), await createElk());
}

describe("layoutGraph", () => {
  it("stacks a sequence top to bottom", async () => {
    const graph = await laidOut("no-replay-execution.history.json");
    expect(graph.nodes.map((n) => n.type)).toEqual(["operation", "operation", "operation"]);
    const ys = graph.nodes.map((n) => n.position.y);
    expect(ys[0]!).toBeLessThan(ys[1]!);
    expect(ys[1]!).toBeLessThan(ys[2]!);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(graph.nodes.every((n) => n.width === NODE_WIDTH && n.height === NODE_HEIGHT)).toBe(true);
    expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
      [graph.nodes[0]!.id, graph.nodes[1]!.id],
      [graph.nodes[1]!.id, graph.nodes[2]!.id],
    ]);
  });

  it("sizes a context around its children, positioned relative to it", async () => {
    const graph = await laidOut("run-in-child-context.history.json");
    const group = graph.nodes.find((n) => n.type === "context")!;
    const child = graph.nodes.find((n) => n.parentId === group.id)!;
    expect(child.extent).toBe("parent");
    expect(graph.nodes.indexOf(group)).toBeLessThan(graph.nodes.indexOf(child));
    // Relative coordinates: inside the group's box, below its header.
    expect(child.position.x).toBeGreaterThan(0);
    expect(child.position.y).toBeGreaterThan(30);
    expect(child.position.x + NODE_WIDTH).toBeLessThanOrEqual(group.width!);
    expect(child.position.y + NODE_HEIGHT).toBeLessThanOrEqual(group.height!);
  });

  it("puts map items that ran together side by side in program order, and later ones in the rows below", async () => {
    // The recording ran two items at a time: 0 and 1, then 2 and 3, then 4.
    const graph = await laidOut("map-basic.history.json");
    const map = graph.nodes.find((n) => n.data.node.operation.subType === "Map")!;
    const items = graph.nodes.filter((n) => n.parentId === map.id);
    expect(items.map((n) => n.data.node.operation.name)).toEqual(["map-item-0", "map-item-1", "map-item-2", "map-item-3", "map-item-4"]);
    const [i0, i1, i2, i3, i4] = items.map((n) => n.position);
    expect(i0!.y).toBe(i1!.y);
    expect(i2!.y).toBe(i3!.y);
    expect(i0!.x).toBeLessThan(i1!.x);
    expect(i2!.x).toBeLessThan(i3!.x);
    expect(i2!.y).toBeGreaterThan(i0!.y);
    expect(i4!.y).toBeGreaterThan(i2!.y);
    for (const item of items) expect(graph.nodes.filter((n) => n.parentId === item.id)).toHaveLength(1);
  });

  it("puts operations started together by Promise.all in one row under the start, in program order", async () => {
    const graph = await laidOut("promise-all-wait.history.json");
    const [start, ...rest] = graph.nodes;
    expect(rest).toHaveLength(4);
    expect(new Set(rest.map((n) => n.position.y)).size).toBe(1);
    const xs = rest.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(rest[0]!.position.y).toBeGreaterThanOrEqual(start!.position.y + NODE_HEIGHT);
  });

  it("starts a group's concurrent first operations on one row", async () => {
    const graph = await laidOut("parallel-wait.history.json");
    const parallel = graph.nodes.find((n) => n.data.node.operation.subType === "Parallel")!;
    const branches = graph.nodes.filter((n) => n.parentId === parallel.id);
    expect(branches).toHaveLength(3);
    expect(new Set(branches.map((n) => n.position.y)).size).toBe(1);
  });

  it("draws a collapsed group as one closed node with nothing inside", async () => {
    const { events } = parseHistory(fixtureJson("map-basic.history.json"));
    const operations = ops(events);
    const map = operations.find((op) => op.subType === "Map")!;
    const graph = await layoutGraph(build(operations, { collapsed: new Set([map.id]) }), await createElk());
    const node = graph.nodes.find((n) => n.id === map.id)!;
    expect(node.type).toBe("collapsed");
    expect([node.width, node.height]).toEqual([NODE_WIDTH, NODE_HEIGHT]);
    expect(graph.nodes.some((n) => n.parentId === map.id)).toBe(false);
    expect(graph.nodes).toHaveLength(3);
  });
});

describe("structureKey and refreshGraph", () => {
  const { events } = parseHistory(fixtureJson("step-with-retry.history.json"));

  it("keeps the key while operations only change status, and changes it when one is added or a group closes", () => {
    const running = build(ops(events.filter((e) => e.EventId! <= 4)));
    const done = build(ops(events));
    expect(structureKey(running)).toBe(structureKey(done));
    expect(structureKey(build(ops(events.filter((e) => e.EventId! <= 1))))).not.toBe(structureKey(done));
    const { events: mapEvents } = parseHistory(fixtureJson("map-basic.history.json"));
    const mapOps = ops(mapEvents);
    const map = mapOps.find((op) => op.subType === "Map")!;
    expect(structureKey(build(mapOps, { collapsed: new Set([map.id]) }))).not.toBe(structureKey(build(mapOps)));
  });

  it("puts the new data into the old positions", async () => {
    const before = await layoutGraph(build(ops(events.filter((e) => e.EventId! <= 4))), await createElk());
    const model = build(ops(events));
    const after = refreshGraph(before, model);
    expect(after.nodes.map((n) => n.position)).toEqual(before.nodes.map((n) => n.position));
    expect(after.nodes.map((n) => n.data.node.operation.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(before.nodes.map((n) => n.data.node.operation.status)).toEqual(["STARTED", "PENDING"]);
    expect(after.edges).toBe(before.edges);
  });
});

describe("layoutGraph with a paged level", () => {
  it("puts the more node below the items it follows", async () => {
    const { events } = parseHistory(fixtureJson("map-basic.history.json"));
    const operations = ops(events);
    const map = operations.find((op) => op.subType === "Map")!;
    const graph = await layoutGraph(build(operations, { pageSize: 3 }), await createElk());
    const inMap = graph.nodes.filter((n) => n.parentId === map.id);
    expect(inMap.map((n) => n.type)).toEqual(["context", "context", "context", "more"]);
    const [i0, i1, i2, more] = inMap.map((n) => n.position);
    expect(i0!.y).toBe(i1!.y);
    expect(i2!.y).toBeGreaterThan(i0!.y);
    expect(more!.y).toBeGreaterThan(i2!.y);
  });
});

describe("stackedLayout", () => {
  it("gives a flat graph the positions ELK gives it", async () => {
    for (const name of ["no-replay-execution.history.json", "step-with-retry.history.json", "map-basic.history.json"]) {
      const { events } = parseHistory(fixtureJson(name));
      const operations = ops(events);
      const groups = operations.filter((op) => op.type === "CONTEXT" && op.parentId === undefined).map((op) => op.id);
      const model = build(operations, { collapsed: new Set(groups) });
      const stacked = stackedLayout(model)!;
      const elk = await layoutGraph(model, await createElk());
      expect(stacked.nodes.map((n) => [n.id, n.type, n.position])).toEqual(elk.nodes.map((n) => [n.id, n.type, n.position]));
      expect(stacked.edges).toEqual(elk.edges);
      expect([stacked.width, stacked.height]).toEqual([elk.width, elk.height]);
    }
  });

  it("leaves nested graphs to ELK", () => {
    const { events } = parseHistory(fixtureJson("map-basic.history.json"));
    expect(stackedLayout(build(ops(events)))).toBeUndefined();
  });
});


/** A bare operation that ran from event `at` to `end`. */
function view(id: string, type: OperationView["type"], at: number, end: number, extra: Partial<OperationView> = {}): OperationView {
  return { id, type, status: "SUCCEEDED", firstEventId: at, lastEventId: end, eventIds: [at, end], attempts: [], truncated: false, children: [], ...extra };
}

describe("node sizes", () => {
  const exec = view("exec", "EXECUTION", 1, 1);
  const step = (id: string, name: string, at: number, extra: Partial<OperationView> = {}) => view(id, "STEP", at, at + 1, { name, ...extra });

  it("widens a node for a long name, then wraps it onto more lines and grows it taller", async () => {
    const short = step("a", "charge", 2);
    const long = step("b", "x".repeat(34), 4);
    const huge = step("c", "y".repeat(120), 6);
    const graph = await layoutGraph(build([exec, short, long, huge]), await createElk());
    const size = (id: string) => graph.nodes.find((n) => n.id === id)!;
    expect([size("a").width, size("a").height]).toEqual([NODE_WIDTH, NODE_HEIGHT]);
    expect(size("b").width).toBeGreaterThan(NODE_WIDTH);
    expect(size("b").height).toBe(NODE_HEIGHT);
    expect(size("c").height).toBeGreaterThan(NODE_HEIGHT);
    // Nothing overlaps in the column.
    const ys = ["a", "b", "c"].map((id) => size(id));
    for (let i = 1; i < ys.length; i++) expect(ys[i]!.position.y).toBeGreaterThanOrEqual(ys[i - 1]!.position.y + ys[i - 1]!.height!);
  });

  it("makes a group wide enough for its header's name, with room for the header above its members", async () => {
    const ctx = view("ctx", "CONTEXT", 2, 5, { name: "a-rather-long-child-context-name" });
    const inner = step("s", "s", 3, { parentId: "ctx" });
    const graph = await layoutGraph(build([exec, ctx, inner]), await createElk());
    const group = graph.nodes.find((n) => n.id === "ctx")!;
    const header = groupHeader(ctx);
    expect(group.width!).toBeGreaterThanOrEqual(header.width);
    expect(graph.nodes.find((n) => n.id === "s")!.position.y).toBeGreaterThanOrEqual(header.height);
  });
});

/** A map of `n` items (child contexts with one step each) that all ran at once. */
function bigMap(n: number): OperationView[] {
  const out = [view("exec", "EXECUTION", 1, 1), view("map", "CONTEXT", 2, 10 + 3 * n, { subType: "Map", name: "map" })];
  for (let i = 0; i < n; i++) {
    out.push(view(`item${i}`, "CONTEXT", 3 + i, 5 + 3 * n + i, { subType: "MapIteration", name: `map-item-${i}`, parentId: "map", children: [`step${i}`] }));
    out.push(view(`step${i}`, "STEP", 3 + n + i, 4 + 2 * n + i, { parentId: `item${i}` }));
  }
  return out;
}

describe("fan-outs", () => {
  it("draw a big map as one panel sized for its grid, with no item boxes", async () => {
    const operations = bigMap(50);
    const model = build(operations, { collapsed: defaultCollapsedGroups(operations) });
    const stacked = stackedLayout(model)!;
    const graph = await layoutGraph(model, await createElk());
    const panel = graph.nodes.find((n) => n.id === "map")!;
    expect(panel.type).toBe("fanout");
    const box = fanOutBox(panel.data.node.operation, panel.data.node.group!.fanOut!.items);
    expect([panel.width, panel.height]).toEqual([box.width, box.height]);
    expect(graph.nodes).toHaveLength(2);
    // A flat chain: drawn at once without ELK, in the same places.
    expect(stacked.nodes.map((n) => [n.id, n.type, n.position.y, n.width, n.height])).toEqual(graph.nodes.map((n) => [n.id, n.type, n.position.y, n.width, n.height]));
  });

  it("keep the panel's height bounded for thousands of items", () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ type: "CONTEXT" as const, name: `map-item-${i}` }));
    expect(fanOutBox({ type: "CONTEXT", name: "map" }, items).height).toBeLessThan(400);
  });

  it("draw an expanded item below the panel", async () => {
    const operations = bigMap(50);
    const collapsed = defaultCollapsedGroups(operations);
    collapsed.delete("item3");
    collapsed.delete("item4");
    const graph = await layoutGraph(build(operations, { collapsed }), await createElk());
    const panel = graph.nodes.find((n) => n.id === "map")!;
    const box = fanOutBox(panel.data.node.operation, panel.data.node.group!.fanOut!.items);
    const items = graph.nodes.filter((n) => n.parentId === "map");
    expect(items.map((n) => n.id)).toEqual(["item3", "item4"]);
    for (const item of items) expect(item.position.y).toBeGreaterThanOrEqual(box.height);
    // They ran at the same time: one row.
    expect(items[0]!.position.y).toBe(items[1]!.position.y);
    expect(graph.nodes.filter((n) => n.parentId === "item3").map((n) => n.id)).toEqual(["step3"]);
  });
});

describe("stackedLayout and concurrency", () => {
  it("does not stack operations that ran at the same time", () => {
    const { events } = parseHistory(fixtureJson("promise-all-wait.history.json"));
    expect(stackedLayout(build(ops(events)))).toBeUndefined();
  });
});

describe("fanOutItemLabel", () => {
  it("names an item by its name, or an unnamed one by its position", () => {
    expect(fanOutItemLabel({ type: "CONTEXT", name: "order-7" }, 7)).toBe("order-7");
    expect(fanOutItemLabel({ type: "CONTEXT" }, 7)).toBe(`#7 ${operationLabel({ type: "CONTEXT" })}`);
  });
});
