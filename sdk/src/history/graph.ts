/**
 * A graph of an execution's operations, independent of any drawing library: the execution as the
 * start node, child contexts as groups holding their operations, and sequence edges only where one
 * operation started after another had ended (see {@link sequenceEdges}); operations whose lifetimes
 * overlap get no edge between them, so they can be drawn side by side.
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
  /** Set on a big fan-out (see {@link isFanOut}): its members shown as a grid rather than as boxes. */
  fanOut?: FanOutSummary;
}

/**
 * A map or parallel with many items: every item is listed (by reference, so thousands cost
 * nothing to carry), and only the items the user expanded are nodes of the model.
 */
export interface FanOutSummary {
  /** The group's direct members, in program order. */
  items: readonly OperationView[];
  /** The items drawn as nodes with their operations (expanded out of the grid). */
  expanded: ReadonlySet<string>;
}

export interface GraphOptions {
  /**
   * Groups to draw closed (see {@link defaultCollapsedGroups}). An item of a fan-out in this set
   * is folded into its fan-out's grid; an item not in it is drawn with its operations. A
   * {@link fanOutKey} entry draws that group as a fan-out however few items it has so far.
   */
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

/** Context sub types whose members are items of a fan-out (map iterations, parallel branches). */
const FAN_OUT_SUBTYPES: ReadonlySet<string> = new Set(["Map", "Parallel"]);

/** More members than this make a map or parallel a fan-out, shown as a grid of items. */
export const FAN_OUT_THRESHOLD = 12;

/**
 * Whether a group with these members is a big fan-out: more than {@link FAN_OUT_THRESHOLD}
 * members, and either a Map/Parallel or (for SDKs naming them otherwise) members that are all
 * child contexts, which is how items and branches are recorded.
 *
 * @example isFanOut(mapOp, members) // true for a 50-item map
 */
export function isFanOut(group: Pick<OperationView, "type" | "subType">, members: readonly Pick<OperationView, "type">[]): boolean {
  if (group.type !== "CONTEXT" || members.length <= FAN_OUT_THRESHOLD) return false;
  return FAN_OUT_SUBTYPES.has(group.subType ?? "") || members.every((m) => m.type === "CONTEXT");
}

/**
 * The entry of a collapsed set that keeps a group a fan-out while it has few items yet: the
 * defaults of a whole history carry it, so a map keeps its grid when time travel goes back to
 * its first items.
 *
 * @example defaultCollapsedGroups(ops).has(fanOutKey(map.id))
 */
export function fanOutKey(groupId: string): string {
  return `${groupId}::fan-out`;
}

/** Statuses after which an operation has ended for good (a PENDING retry or STARTED has not). */
const CLOSED: ReadonlySet<OperationViewStatus> = new Set(["SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "STOPPED"]);

/** What {@link lifetimeOf} reads of an operation. */
export type LifetimeFields = Pick<OperationView, "type" | "status" | "firstEventId" | "lastEventId" | "startedAt" | "endedAt">;

/**
 * An operation's lifetime in the history's order of events: from its first event to the event
 * that gave it a final status. EventIds order events totally even where timestamps tie. One that
 * never closed (running, a retry pending, abandoned) is open to the end; the execution counts as
 * ending at its first event, as the start of everything in it.
 *
 * @example lifetimeOf(op).end === Infinity // op never finished
 */
export function lifetimeOf(op: LifetimeFields): { start: number; end: number } {
  if (op.type === "EXECUTION") return { start: op.firstEventId, end: op.firstEventId };
  // A closing event sets the end time and a final status; a retry pending, or an operation a view
  // marks as finished without a closing event, has a start time and no end time.
  const closed = CLOSED.has(op.status) && !(op.startedAt !== undefined && op.endedAt === undefined);
  return { start: op.firstEventId, end: closed ? Math.max(op.lastEventId, op.firstEventId) : Number.POSITIVE_INFINITY };
}

/**
 * The sequence edges among operations of one level: A -> B where B started after A ended, reduced
 * to B's immediate predecessors (no C ran wholly between them). Operations that overlap get none.
 * Runs in O(n log n + edges): a predecessor of B is immediate exactly when it ended no earlier than
 * the latest start among everything that ended before B started.
 *
 * @example sequenceEdges([exec, waitA, waitB, after]) // [[exec, waitA], [exec, waitB], [waitA, after], [waitB, after]]
 */
export function sequenceEdges<T extends LifetimeFields>(ops: readonly T[]): [T, T][] {
  const spans = ops.map((op) => ({ op, ...lifetimeOf(op) }));
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const byEnd = [...spans].sort((a, b) => a.end - b.end || a.start - b.start);
  const out: [T, T][] = [];
  // byEnd[0, ended) ended before the current start; byEnd[frontier, ended) are the immediate ones.
  let ended = 0;
  let frontier = 0;
  let latestStart = Number.NEGATIVE_INFINITY;
  for (const b of byStart) {
    while (ended < byEnd.length && byEnd[ended]!.end < b.start) latestStart = Math.max(latestStart, byEnd[ended++]!.start);
    while (frontier < ended && byEnd[frontier]!.end < latestStart) frontier++;
    for (let k = frontier; k < ended; k++) out.push([byEnd[k]!.op, b.op]);
  }
  return out;
}

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

/**
 * Operations inside each group at any depth, counted bottom-up without recursion; a group in
 * `asOne` (a fan-out, drawn as its grid) counts as one node for the groups around it.
 */
function descendantCounts(members: ReadonlyMap<string | undefined, OperationView[]>, asOne?: ReadonlySet<string>): Map<string, number> {
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
    for (const member of members.get(id) ?? []) n += 1 + (asOne?.has(member.id) ? 0 : (counts.get(member.id) ?? 0));
    counts.set(id, n);
  }
  return counts;
}

/**
 * The groups that start closed: more than `threshold` operations inside (at any depth), counting a
 * fan-out as its grid alone; every item of a fan-out, so it starts folded into its grid; and each
 * fan-out's {@link fanOutKey}.
 * A huge map then opens as a grid of items instead of thousands of boxes.
 *
 * @example buildGraphModel(ops, { collapsed: defaultCollapsedGroups(ops) })
 */
export function defaultCollapsedGroups(operations: readonly OperationView[], threshold = 40): Set<string> {
  const members = membersByContainer(operations);
  const byId = new Map(operations.map((op) => [op.id, op]));
  const out = new Set<string>();
  const fanOuts = new Set<string>();
  for (const [id, list] of members) {
    const group = id === undefined ? undefined : byId.get(id);
    if (!group || !isFanOut(group, list)) continue;
    fanOuts.add(group.id);
    out.add(fanOutKey(group.id));
    for (const item of list) out.add(item.id);
  }
  for (const [id, n] of descendantCounts(members, fanOuts)) if (n > threshold && !fanOuts.has(id)) out.add(id);
  return out;
}

/** Builds a group's summary; the fan-out's expanded count is filled in once its items are drawn. */
function summarize(op: OperationView, inside: OperationView[], descendants: number, collapsed: boolean, fanOut: boolean): GroupSummary {
  const group: GroupSummary = { childCount: inside.length, descendantCount: descendants, childStatuses: countStatuses(inside), collapsed };
  if (fanOut) group.fanOut = { items: inside, expanded: new Set() };
  return group;
}

/**
 * Builds the graph model of a list of operations (as from {@link buildOperations}); members of
 * collapsed groups are left out, and the group carries their counts instead. A fan-out draws
 * only the items not folded into its grid.
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
  const addEdges = (list: readonly OperationView[], targetOf: (op: OperationView) => string | undefined) => {
    const seen = new Set<string>();
    for (const [a, b] of sequenceEdges(list)) {
      const target = targetOf(b);
      const id = `${a.id}->${target}`;
      if (target === undefined || targetOf(a) !== a.id || seen.has(id)) continue;
      seen.add(id);
      edges.push({ id, source: a.id, target });
    }
  };
  const visit = (container: string | undefined, depth: number, drawnIn?: readonly OperationView[]) => {
    const all = drawnIn ?? members.get(container) ?? [];
    const limit = drawnIn ? all.length : Math.max(pageSize, options.shown?.get(container ?? "") ?? 0);
    const list = all.length > limit ? all.slice(0, limit) : all;
    const rest = all.slice(list.length);
    const owner = container === undefined ? root : byId.get(container);
    const moreId = rest.length > 0 && owner ? moreNodeId(container) : undefined;
    // Members past the page start after every member drawn, so an edge into one of them becomes an
    // edge into the "more" node, and none leaves them.
    const drawn = new Set(list.map((op) => op.id));
    addEdges(all, (op) => (drawn.has(op.id) ? op.id : moreId));
    for (const op of list) {
      const node: GraphNode = { id: op.id, kind: kindOf(op), depth, operation: op };
      if (container !== undefined) node.parentId = container;
      nodes.push(node);
      if (op.type !== "CONTEXT") continue;
      const inside = members.get(op.id) ?? [];
      const closed = collapsed.has(op.id) && inside.length > 0;
      const fanOut = op.type === "CONTEXT" && (isFanOut(op, inside) || collapsed.has(fanOutKey(op.id)));
      node.group = summarize(op, inside, descendants.get(op.id) ?? 0, closed, fanOut);
      if (closed) continue;
      if (!fanOut) visit(op.id, depth + 1);
      else {
        const expanded = inside.filter((item) => !collapsed.has(item.id));
        node.group.fanOut!.expanded = new Set(expanded.map((item) => item.id));
        visit(op.id, depth + 1, expanded);
      }
    }
    if (moreId === undefined || !owner) return;
    const summary: MoreSummary = { hidden: rest.length, statuses: countStatuses(rest) };
    const more: GraphNode = { id: moreId, kind: "more", depth, operation: owner, more: summary };
    if (container !== undefined) {
      more.parentId = container;
      summary.groupId = container;
    }
    nodes.push(more);
  };
  visit(undefined, 0);
  return { nodes, edges };
}
