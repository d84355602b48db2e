/**
 * Pure helpers for what the page shows as selected: stepping through a list (j/k), the node that
 * stands for an operation hidden in a closed group, and which operations match a search.
 */
import { ancestorIds, moreNodeId, operationLabel, type OperationView } from "@durable-lens/sdk/history";

/**
 * The index after (`+1`) or before (`-1`) `current`; from nothing, the first or the last. Stops at the ends.
 *
 * @example stepIndex(-1, 1, 10) // 0
 */
export function stepIndex(current: number, direction: 1 | -1, length: number): number | undefined {
  if (length === 0) return undefined;
  if (current < 0) return direction === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + direction));
}

/**
 * The graph node that shows an operation: itself when drawn; otherwise the closed group it is
 * hidden in, or the "more" node of the level it was paged out of.
 *
 * @example visibleNodeId("step-17", byId, new Set(["exec", "map"])) // "map"
 */
export function visibleNodeId(id: string | undefined, byId: ReadonlyMap<string, OperationView>, drawn: ReadonlySet<string>): string | undefined {
  const op = id === undefined ? undefined : byId.get(id);
  if (!op || drawn.has(op.id)) return id;
  const chain = [op.id, ...ancestorIds(op, byId)];
  for (let i = 1; i < chain.length; i++) {
    const container = chain[i]!;
    if (!drawn.has(container)) continue;
    // The level below the nearest drawn ancestor is paged: the path's member is behind "more".
    const more = moreNodeId(container);
    return drawn.has(more) ? more : container;
  }
  const topMore = moreNodeId(undefined);
  return drawn.has(topMore) ? topMore : id;
}

/** What the operation search looks at, for the search box to say so. */
export const OPERATION_SEARCH_FIELDS = "name, type, status, id";

/**
 * Whether an operation matches a search text: part of its name, type (or sub-type), status or id,
 * ignoring case. Payloads and event details are the Events tab's search, not this one.
 *
 * @example operationMatches(op, "charge") // true for "charge-card"
 */
export function operationMatches(op: OperationView, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return [operationLabel(op), op.id, op.type, op.subType ?? "", op.status].some((field) => field.toLowerCase().includes(q));
}

/**
 * How many operations match a search; undefined for an empty search.
 *
 * @example matchCount(model.order, "declined") // 0
 */
export function matchCount(operations: readonly OperationView[], query: string): number | undefined {
  if (query.trim() === "") return undefined;
  let n = 0;
  for (const op of operations) if (operationMatches(op, query)) n++;
  return n;
}

/**
 * The operations matching a search plus every group holding one, so closed groups light up too;
 * undefined for an empty search.
 *
 * @example matchingIds(ops, byId, "charge")?.has("map") // true when a step inside the map matches
 */
export function matchingIds(operations: readonly OperationView[], byId: ReadonlyMap<string, OperationView>, query: string): Set<string> | undefined {
  if (query.trim() === "") return undefined;
  const out = new Set<string>();
  for (const op of operations) {
    if (!operationMatches(op, query)) continue;
    out.add(op.id);
    for (const a of ancestorIds(op, byId)) out.add(a);
  }
  return out;
}
