/**
 * Names for the operations an SDK creates without one, read from their place in the tree, so four
 * unnamed nodes become "approval · callback", "approval · submitter", "resize · item 3" and
 * "combinator of fast, timeout". Reads only parent links, sub types, program order and event
 * order, which every SDK's histories carry; an operation with a Name keeps it.
 */
import type { OperationView } from "./operations.js";

/** Joined operations named in a combinator's role before "+N". */
const JOINED_NAMED = 3;

const label = (op: OperationView): string | undefined => op.name ?? op.role;

/** "5 s", "10 min", "1 h", "2 d": a wait's duration in its largest whole unit. */
function durationWords(seconds: number): string {
  for (const [unit, size] of [["d", 86_400], ["h", 3_600], ["min", 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}`;
  }
  return `${seconds} s`;
}

/**
 * The siblings a promise combinator joins. A combinator (`ctx.promise.all/any/race/allSettled`)
 * is a child context with no operations of its own, started after the operations it awaits
 * (they belong to the context that created them): those started before it and still open then.
 */
function joinedSiblings(op: OperationView, siblings: readonly OperationView[]): OperationView[] {
  return siblings.filter((s) => s !== op && s.firstEventId < op.firstEventId && (s.endedAt === undefined || s.lastEventId > op.firstEventId));
}

function contextRole(op: OperationView, siblings: readonly OperationView[]): string {
  switch (op.subType) {
    case "Map":
      return "map";
    case "Parallel":
      return "parallel";
    case "WaitForCallback":
      return "wait for callback";
  }
  const joined = op.children.length === 0 ? joinedSiblings(op, siblings) : [];
  if (joined.length === 0) return "child context";
  const names = joined.slice(0, JOINED_NAMED).map((s) => label(s) ?? s.type.toLowerCase());
  const more = joined.length > JOINED_NAMED ? ` +${joined.length - JOINED_NAMED}` : "";
  return `combinator of ${names.join(", ")}${more}`;
}

/** A map item's or parallel branch's index: its place among the siblings of its sub type. */
function itemIndexes(siblings: readonly OperationView[]): Map<OperationView, number> {
  const next = new Map<string, number>();
  const out = new Map<OperationView, number>();
  for (const op of siblings) {
    if (op.subType !== "MapIteration" && op.subType !== "ParallelBranch") continue;
    const n = next.get(op.subType) ?? 0;
    out.set(op, n);
    next.set(op.subType, n + 1);
  }
  return out;
}

/** The role of an unnamed operation, before siblings with the same role are numbered. */
function baseRole(op: OperationView, parent: OperationView | undefined, siblings: readonly OperationView[], indexes: ReadonlyMap<OperationView, number>): string {
  const owner = parent && parent.type !== "EXECUTION" ? label(parent) : undefined;
  if (parent?.subType === "WaitForCallback" && owner) {
    if (op.type === "CALLBACK") return `${owner} · callback`;
    if (op.type === "STEP") return `${owner} · submitter`;
  }
  const item = op.subType === "MapIteration" ? "item" : op.subType === "ParallelBranch" ? "branch" : undefined;
  if (item) {
    const index = indexes.get(op);
    return owner ? `${owner} · ${item} ${index}` : `${item} ${index}`;
  }
  switch (op.type) {
    case "STEP":
      return op.subType === "WaitForCondition" ? "wait for condition" : "step";
    case "WAIT":
      return op.wait?.durationSeconds !== undefined ? `wait ${durationWords(op.wait.durationSeconds)}` : "wait";
    case "CALLBACK":
      return "callback";
    case "CHAINED_INVOKE":
      return op.chainedInvoke?.functionName ? `invoke ${op.chainedInvoke.functionName}` : "invoke";
    case "CONTEXT":
      return contextRole(op, siblings);
    default:
      return op.type.toLowerCase();
  }
}

/** Roles of one level, numbered "#1", "#2" where siblings would otherwise read the same. */
function assignLevel(siblings: readonly OperationView[], parent: OperationView | undefined): void {
  const unnamed = siblings.filter((op) => !op.name && op.type !== "EXECUTION");
  const indexes = itemIndexes(siblings);
  for (const op of unnamed) op.role = baseRole(op, parent, siblings, indexes);
  const counts = new Map<string, number>();
  for (const op of unnamed) counts.set(op.role!, (counts.get(op.role!) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const op of unnamed) {
    const role = op.role!;
    if (counts.get(role)! < 2) continue;
    const n = (seen.get(role) ?? 0) + 1;
    seen.set(role, n);
    op.role = `${role} #${n}`;
  }
}

/**
 * Sets `role` on every unnamed operation, level by level from the top, so a role can build on
 * its parent's final label. `operations` must be in program order with `children` filled in.
 *
 * @example assignRoles(operations, byId); operations.find((op) => op.type === "CALLBACK")?.role // "approval · callback"
 */
export function assignRoles(operations: readonly OperationView[], byId: ReadonlyMap<string, OperationView>): void {
  // The top level: operations whose parent is the execution, none, or not in the history (orphans).
  const atTop = (op: OperationView) => {
    const parent = op.parentId === undefined ? undefined : byId.get(op.parentId);
    return !parent || parent.type === "EXECUTION";
  };
  const top = operations.filter((op) => op.type !== "EXECUTION" && atTop(op));
  const queue: Array<[readonly OperationView[], OperationView | undefined]> = [[top, undefined]];
  for (let level = queue.shift(); level; level = queue.shift()) {
    const [siblings, parent] = level;
    assignLevel(siblings, parent);
    for (const op of siblings) {
      if (op.children.length === 0) continue;
      queue.push([op.children.map((id) => byId.get(id)).filter((c): c is OperationView => c !== undefined), op]);
    }
  }
}
