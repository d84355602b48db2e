/**
 * The operation tree in reading order: each operation followed by its children, depth first, the
 * way the code that produced them nests. Timelines and keyboard navigation walk it.
 */
import type { OperationView } from "./operations.js";

/** An operation and how deep it sits (0 for the execution and other top-level operations). */
export interface TreeEntry {
  operation: OperationView;
  depth: number;
}

/**
 * Operations depth first in program order; those whose parent is missing (or in a cycle) are
 * treated as top-level, so every operation appears exactly once.
 *
 * @example flattenOperationTree(projection.operations).map((e) => "  ".repeat(e.depth) + e.operation.name)
 */
export function flattenOperationTree(operations: readonly OperationView[]): TreeEntry[] {
  const byId = new Map(operations.map((op) => [op.id, op]));
  const out: TreeEntry[] = [];
  const placed = new Set<string>();
  // An explicit stack, because map iterations can nest deeper than the call stack likes.
  const walk = (root: OperationView) => {
    const stack: TreeEntry[] = [{ operation: root, depth: 0 }];
    while (stack.length > 0) {
      const entry = stack.pop()!;
      if (placed.has(entry.operation.id)) continue;
      placed.add(entry.operation.id);
      out.push(entry);
      const children = entry.operation.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = byId.get(children[i]!);
        if (child && !placed.has(child.id)) stack.push({ operation: child, depth: entry.depth + 1 });
      }
    }
  };
  for (const op of operations) {
    const parent = op.parentId === undefined ? undefined : byId.get(op.parentId);
    if (!parent) walk(op);
  }
  // Whatever is left sits in a parent cycle; show it at the top level rather than lose it.
  for (const op of operations) if (!placed.has(op.id)) walk(op);
  return out;
}

/**
 * Ids of an operation's ancestors, nearest first (stops at a missing parent or a cycle).
 *
 * @example ancestorIds(step, byId) // ["map-item-3", "map"]
 */
export function ancestorIds(op: OperationView, byId: ReadonlyMap<string, OperationView>): string[] {
  const out: string[] = [];
  const seen = new Set<string>([op.id]);
  let parentId = op.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    out.push(parentId);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return out;
}
