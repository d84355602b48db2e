/**
 * A divergence field by field (what the history recorded beside what the code asked for) and
 * its kind in a few words: how the simulator and the code check both show one. Pure.
 */
import type { DivergenceKind, OperationShape } from "@durable-lens/sdk/replay";

/** One line of the expected-against-actual comparison of a divergent operation. */
export interface ShapeRow {
  field: "type" | "subType" | "name" | "parentId" | "detail";
  label: string;
  expected?: string;
  actual?: string;
  differs: boolean;
}

const SHAPE_FIELDS: readonly { field: ShapeRow["field"]; label: string }[] = [
  { field: "type", label: "type" },
  { field: "subType", label: "sub type" },
  { field: "name", label: "name" },
  { field: "parentId", label: "parent" },
  { field: "detail", label: "detail" },
];

/**
 * What the history recorded and what the code did at the divergent operation, field by field;
 * fields neither side has are left out, so a name-only divergence reads as three short lines.
 *
 * @example shapeRows({ id: "1", type: "STEP", name: "a" }, { id: "1", type: "STEP", name: "b" }).find((r) => r.differs)?.field // "name"
 */
export function shapeRows(expected: OperationShape | undefined, actual: OperationShape | undefined): ShapeRow[] {
  return SHAPE_FIELDS.flatMap(({ field, label }) => {
    const e = expected?.[field];
    const a = actual?.[field];
    if (e === undefined && a === undefined) return [];
    // A side the divergence has no shape for (removed, unrecorded) differs in every field the other has.
    return [{ field, label, ...(e !== undefined && { expected: e }), ...(a !== undefined && { actual: a }), differs: e !== a }];
  });
}

/**
 * What kind of difference a divergence is, in a few words.
 *
 * @example divergenceKindText("name") // "renamed"
 */
export function divergenceKindText(kind: DivergenceKind): string {
  switch (kind) {
    case "type":
      return "another operation type";
    case "subType":
      return "another sub type";
    case "name":
      return "renamed";
    case "parent":
      return "moved to another parent";
    case "unrecorded":
      return "an operation the record never had";
    case "removed":
      return "an operation the code no longer runs";
    case "retry":
      return "another retry decision";
    case "outcome":
      return "another outcome";
  }
}
