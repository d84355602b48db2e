import { describe, expect, it } from "vitest";
import type { DiffKind, OperationDiff } from "@durable-lens/sdk/history";
import { visibleRows } from "./diff-filter";

const op = (id: string, depth: number, kind: DiffKind): OperationDiff => ({ id, depth, kind, fields: [], payloads: [], timing: { left: {}, right: {} } });

describe("visibleRows", () => {
  const tree = [op("a", 0, "unchanged"), op("ctx", 0, "unchanged"), op("inner", 1, "unchanged"), op("deep", 2, "changed"), op("sib", 1, "unchanged"), op("z", 0, "added")];

  it("shows every row when asked for all", () => {
    expect(visibleRows(tree, "all").map((r) => r.operation.id)).toEqual(["a", "ctx", "inner", "deep", "sib", "z"]);
  });

  it("shows what changed with the operations it sits in, marked as context", () => {
    expect(visibleRows(tree, "changed").map((r) => [r.operation.id, r.context])).toEqual([
      ["ctx", true],
      ["inner", true],
      ["deep", false],
      ["z", false],
    ]);
  });

  it("shows nothing when nothing changed", () => {
    expect(visibleRows([op("a", 0, "unchanged")], "changed")).toEqual([]);
  });
});
