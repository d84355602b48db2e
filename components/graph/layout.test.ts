import { fixtureJson } from "../../sdk/src/local/recorded-histories.test-support";
import { describe, expect, it } from "vitest";
import { buildGraphModel, buildOperations, parseHistory } from "@durable-lens/sdk/history";
import { buildGraphModel as build, buildOperations as ops } from "@durable-lens/sdk/history";
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

  it("puts map items side by side in program order", async () => {
    const graph = await laidOut("map-basic.history.json");
    const map = graph.nodes.find((n) => n.data.node.operation.subType === "Map")!;
    const items = graph.nodes.filter((n) => n.parentId === map.id);
    expect(items.map((n) => n.data.node.operation.name)).toEqual(["map-item-0", "map-item-1", "map-item-2", "map-item-3", "map-item-4"]);
    const xs = items.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(items.map((n) => n.position.y)).size).toBe(1);
    for (const item of items) expect(graph.nodes.filter((n) => n.parentId === item.id)).toHaveLength(1);
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
  it("puts the more node after the items it follows", async () => {
    const { events } = parseHistory(fixtureJson("map-basic.history.json"));
    const operations = ops(events);
    const map = operations.find((op) => op.subType === "Map")!;
    const graph = await layoutGraph(build(operations, { pageSize: 3 }), await createElk());
    const inMap = graph.nodes.filter((n) => n.parentId === map.id);
    expect(inMap.map((n) => n.type)).toEqual(["context", "context", "context", "more"]);
    const xs = inMap.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
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

