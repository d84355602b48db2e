/**
 * Which rows of an execution diff to show: everything, or only what changed together with the
 * operations it sits in, so the indentation still reads as a tree.
 */
import type { OperationDiff } from "@durable-lens/sdk/history";

export type DiffFilter = "changed" | "all";

/** A row to show; `context` marks an unchanged operation shown only because something inside it changed. */
export interface DiffRow {
  operation: OperationDiff;
  context: boolean;
}

/**
 * The rows to show, in the diff's (tree) order. Relies on that order: an operation's ancestors
 * are the nearest earlier operations one level up, two levels up, and so on.
 *
 * @example visibleRows(diff.operations, "changed").length
 */
export function visibleRows(operations: readonly OperationDiff[], filter: DiffFilter): DiffRow[] {
  if (filter === "all") return operations.map((operation) => ({ operation, context: false }));
  const shown = new Set<number>();
  // Index of the latest operation at each depth: the ancestors of the current one.
  const path: number[] = [];
  operations.forEach((op, i) => {
    path.length = op.depth;
    path[op.depth] = i;
    if (op.kind === "unchanged") return;
    for (let d = 0; d <= op.depth; d++) if (path[d] !== undefined) shown.add(path[d]!);
  });
  return [...shown].sort((a, b) => a - b).map((i) => ({ operation: operations[i]!, context: operations[i]!.kind === "unchanged" }));
}
