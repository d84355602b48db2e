import { describe, expect, it } from "vitest";
import { fixtureEvents } from "../local/recorded-histories.test-support.js";
import { ancestorIds, buildOperations, flattenOperationTree, type OperationView } from "./index.js";

function op(id: string, parentId: string | undefined, firstEventId: number, children: string[] = []): OperationView {
  const v: OperationView = { id, type: "CONTEXT", status: "SUCCEEDED", firstEventId, lastEventId: firstEventId, eventIds: [firstEventId], attempts: [], truncated: false, children };
  if (parentId !== undefined) v.parentId = parentId;
  return v;
}

describe("flattenOperationTree", () => {
  it("puts each map item right before its own step, depth first", () => {
    const entries = flattenOperationTree(buildOperations(fixtureEvents("map-basic")));
    expect(entries.map((e) => [e.operation.name ?? e.operation.type, e.depth])).toEqual([
      ["EXECUTION", 0],
      ["map", 0],
      ["map-item-0", 1],
      ["STEP", 2],
      ["map-item-1", 1],
      ["STEP", 2],
      ["map-item-2", 1],
      ["STEP", 2],
      ["map-item-3", 1],
      ["STEP", 2],
      ["map-item-4", 1],
      ["STEP", 2],
      ["WAIT", 0],
    ]);
  });

  it("keeps orphans and parent cycles at the top level, each once", () => {
    const entries = flattenOperationTree([op("a", "b", 1, ["b"]), op("b", "a", 2, ["a"]), op("c", "ghost", 3)]);
    expect(entries.map((e) => [e.operation.id, e.depth])).toEqual([
      ["c", 0],
      ["a", 0],
      ["b", 1],
    ]);
  });

  it("walks a very deep chain without overflowing the stack", () => {
    const ops = Array.from({ length: 20_000 }, (_, i) => op(`n${i}`, i === 0 ? undefined : `n${i - 1}`, i + 1, i < 19_999 ? [`n${i + 1}`] : []));
    const entries = flattenOperationTree(ops);
    expect(entries.at(-1)).toMatchObject({ depth: 19_999 });
  });
});

describe("ancestorIds", () => {
  it("lists parents nearest first and stops at a cycle", () => {
    const ops = [op("root", undefined, 1), op("mid", "root", 2), op("leaf", "mid", 3), op("x", "y", 4), op("y", "x", 5)];
    const byId = new Map(ops.map((o) => [o.id, o]));
    expect(ancestorIds(byId.get("leaf")!, byId)).toEqual(["mid", "root"]);
    expect(ancestorIds(byId.get("x")!, byId)).toEqual(["y"]);
  });
});
