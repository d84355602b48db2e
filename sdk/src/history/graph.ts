/**
 * A graph of an execution's operations, independent of any drawing library: the execution as the
 * start node, child contexts as groups holding their operations, and edges in program order.
 */
import type { OperationView, OperationViewStatus } from "./operations.js";

/**
 * `execution`: the root/start node; `group`: a CONTEXT drawn as a box around its children;
 * `more`: stands for the members of a level beyond the page drawn (see {@link GraphOptions.pageSize}).
 */
export type GraphNodeKind = "execution" | "operation" | "group" | "more";

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** The group node this node sits in; absent at the top level. */
  parentId?: string;
  /** Nesting depth: 0 at the top level, 1 inside one group, ... */
  depth: number;
  /** The operation drawn; for a `more` node, the group whose members it stands for (the execution at the top level). */
  operation: OperationView;
  /** Set on groups: what they hold, and whether they are drawn closed. */
  group?: GroupSummary;
  /** Set on `more` nodes: the members left out. */
  more?: MoreSummary;
}

/** The members of one level that are not drawn. */
export interface MoreSummary {
  /** The group they belong to; undefined at the top level. */
  groupId?: string;
  hidden: number;
  statuses: Partial<Record<OperationViewStatus, number>>;
}

/** What a group holds, so a closed group can still say how many items it has and how they ended. */
export interface GroupSummary {
  /** Operations drawn directly in the group (map items, branches, or a child context's operations). */
  childCount: number;
  /** Operations inside the group at any depth. */
  descendantCount: number;
  /** The direct members by status: for a map, how many items succeeded, failed, are running. */
  childStatuses: Partial<Record<OperationViewStatus, number>>;
  /** True when the group is drawn as one closed node and its members are left out of the model. */
  collapsed: boolean;
}

export interface GraphOptions {
  /** Groups to draw closed (see {@link defaultCollapsedGroups}). */
  collapsed?: ReadonlySet<string>;
  /**
   * Members drawn per level before one `more` node stands for the rest (default 100), so opening a
   * map of 3,000 items lays out a page of them rather than all at once.
   */
  pageSize?: number;
  /** Levels the user asked to see more of: how many members to draw there (key: group id, or "" for the top level). */
  shown?: ReadonlyMap<string, number>;
}

/** Members drawn per level unless told otherwise. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * The id of the `more` node of a group (or of the top level, for undefined).
 *
 * @example moreNodeId("map-1") // "map-1::more"
 */
export function moreNodeId(groupId: string | undefined): string {
  return `${groupId ?? ""}::more`;
}

function countStatuses(ops: readonly OperationView[]): Partial<Record<OperationViewStatus, number>> {
  const out: Partial<Record<OperationViewStatus, number>> = {};
  for (const op of ops) out[op.status] = (out[op.status] ?? 0) + 1;
  return out;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

/** Nodes are ordered parents-first (pre-order), which drawing libraries such as React Flow require. */
export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Context sub types whose children run concurrently (map iterations, parallel branches), so
 * chaining them with edges would claim an order that does not exist.
 */
const CONCURRENT_SUBTYPES: ReadonlySet<string> = new Set(["Map", "Parallel"]);

/**
 * The group an operation is drawn in: the nearest CONTEXT ancestor, or undefined for the top level.
 * Unknown parents and non-context parents fall through to the level above; cycles go to the top level.
 */
function containerOf(op: OperationView, byId: ReadonlyMap<string, OperationView>): string | undefined {
  const seen = new Set<string>([op.id]);
  let container: string | undefined;
  let parentId = op.parentId;
  while (parentId !== undefined) {
    if (seen.has(parentId)) return undefined;
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    if (parent.type === "CONTEXT" && container === undefined) container = parent.id;
    parentId = parent.parentId;
  }
  return container;
}

function kindOf(op: OperationView): GraphNodeKind {
  if (op.type === "EXECUTION") return "execution";
  return op.type === "CONTEXT" ? "group" : "operation";
}

/** Operations grouped by the group they are drawn in (undefined: the top level), each in program order. */
function membersByContainer(operations: readonly OperationView[]): Map<string | undefined, OperationView[]> {
  const byId = new Map(operations.map((op) => [op.id, op]));
  const members = new Map<string | undefined, OperationView[]>();
  for (const op of operations) {
    const container = op.type === "EXECUTION" ? undefined : containerOf(op, byId);
    const list = members.get(container) ?? [];
    list.push(op);
    members.set(container, list);
  }
  for (const list of members.values()) list.sort((a, b) => a.firstEventId - b.firstEventId);
  return members;
}

/** Operations inside each group at any depth, counted bottom-up without recursion. */
function descendantCounts(members: ReadonlyMap<string | undefined, OperationView[]>): Map<string, number> {
  const counts = new Map<string, number>();
  const order: string[] = [];
  const stack = [...(members.get(undefined) ?? [])];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const op = stack.pop()!;
    if (op.type !== "CONTEXT" || seen.has(op.id)) continue;
    seen.add(op.id);
    order.push(op.id);
    stack.push(...(members.get(op.id) ?? []));
  }
  // Parents come before their groups in `order`, so walking it backwards sees children first.
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    let n = 0;
    for (const member of members.get(id) ?? []) n += 1 + (counts.get(member.id) ?? 0);
    counts.set(id, n);
  }
  return counts;
}

/**
 * The groups big enough to start closed: more than `threshold` operations inside (at any depth).
 * A huge map then opens as one node with its counts instead of thousands of boxes.
 *
 * @example buildGraphModel(ops, { collapsed: defaultCollapsedGroups(ops) })
 */
export function defaultCollapsedGroups(operations: readonly OperationView[], threshold = 40): Set<string> {
  const out = new Set<string>();
  for (const [id, n] of descendantCounts(membersByContainer(operations))) if (n > threshold) out.add(id);
  return out;
}

/**
 * Builds the graph model of a list of operations (as from {@link buildOperations}); members of
 * collapsed groups are left out, and the group carries their counts instead.
 *
 * @example buildGraphModel(buildOperations(events)).nodes.filter((n) => n.kind === "group").length
 */
export function buildGraphModel(operations: readonly OperationView[], options: GraphOptions = {}): GraphModel {
  const byId = new Map(operations.map((op) => [op.id, op]));
  const members = membersByContainer(operations);
  const descendants = descendantCounts(members);
  const collapsed = options.collapsed ?? new Set<string>();

  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const root = operations.find((op) => op.type === "EXECUTION");

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const visit = (container: string | undefined, depth: number) => {
    const all = members.get(container) ?? [];
    const limit = Math.max(pageSize, options.shown?.get(container ?? "") ?? 0);
    const list = all.length > limit ? all.slice(0, limit) : all;
    const concurrent = container !== undefined && CONCURRENT_SUBTYPES.has(byId.get(container)?.subType ?? "");
    list.forEach((op, i) => {
      const node: GraphNode = { id: op.id, kind: kindOf(op), depth, operation: op };
      if (container !== undefined) node.parentId = container;
      nodes.push(node);
      const previous = list[i - 1];
      if (previous && !concurrent) edges.push({ id: `${previous.id}->${op.id}`, source: previous.id, target: op.id });
      if (op.type !== "CONTEXT") return;
      const inside = members.get(op.id) ?? [];
      const closed = collapsed.has(op.id) && inside.length > 0;
      node.group = { childCount: inside.length, descendantCount: descendants.get(op.id) ?? 0, childStatuses: countStatuses(inside), collapsed: closed };
      if (!closed) visit(op.id, depth + 1);
    });
    const rest = all.slice(list.length);
    const owner = container === undefined ? root : byId.get(container);
    if (rest.length === 0 || !owner) return;
    const summary: MoreSummary = { hidden: rest.length, statuses: countStatuses(rest) };
    const more: GraphNode = { id: moreNodeId(container), kind: "more", depth, operation: owner, more: summary };
    if (container !== undefined) {
      more.parentId = container;
      summary.groupId = container;
    }
    nodes.push(more);
    const last = list[list.length - 1];
    if (last && !concurrent) edges.push({ id: `${last.id}->${more.id}`, source: last.id, target: more.id });
  };
  visit(undefined, 0);
  return { nodes, edges };
}
