/**
 * Compares two executions of a durable function (two recorded runs, or a run and a simulated
 * "what-if" of it) operation by operation. Operation Ids are derived from an operation's position
 * in the code, so the same code gives the same Ids and operations pair up by Id; the execution
 * itself, whose Id is per run, pairs with the other execution.
 */
import type { ErrorObject, Event } from "../protocol/index.js";
import { comparePayloads, type JsonValue, type PayloadComparison, type PayloadSide } from "./diff-json.js";
import { operationDurationMs, projectHistory, type OperationView, type OperationViewStatus, type PayloadField } from "./operations.js";

/** How an operation of one execution relates to the other's. */
export type DiffKind = "added" | "removed" | "changed" | "unchanged";

/** The members of an operation compared besides its payloads and timings. */
export type OperationField = "type" | "subType" | "name" | "parent" | "status" | "attempts" | "attemptOutcomes";

/**
 * One member that differs; `attempts` compares counts, `attemptOutcomes` (when the counts agree)
 * how each attempt ended, the others strings (the parent by Id).
 */
export interface FieldChange {
  field: OperationField;
  left?: string | number;
  right?: string | number;
}

/** Two payloads of the same kind compared; only differing ones are listed on an operation. */
export interface PayloadDiff extends PayloadComparison {
  field: PayloadField;
}

/** When an operation started (from the start of its execution) and how long it took, on one side. */
export interface OperationTiming {
  startOffsetMs?: number;
  /** Undefined while the operation has not finished. */
  durationMs?: number;
}

/** Timings of both sides, and right minus left where both are known. Timings never make an operation "changed". */
export interface TimingDiff {
  left: OperationTiming;
  right: OperationTiming;
  startOffsetDeltaMs?: number;
  durationDeltaMs?: number;
}

/** One operation of either execution, paired with its counterpart. */
export interface OperationDiff {
  id: string;
  kind: DiffKind;
  /** Nesting depth in the merged tree (0 for top-level operations). */
  depth: number;
  left?: OperationView;
  right?: OperationView;
  /** Members that differ; empty unless `kind` is "changed". */
  fields: FieldChange[];
  /** Payloads that differ (for an added or removed operation, those it has). */
  payloads: PayloadDiff[];
  timing: TimingDiff;
}

/** A number on both sides, and right minus left where both are known. */
export interface NumberDiff {
  left?: number;
  right?: number;
  delta?: number;
}

/** The executions as wholes. */
export interface ExecutionDiffSummary {
  /** Undefined on a side whose history has no ExecutionStarted event. */
  status: { left?: OperationViewStatus; right?: OperationViewStatus };
  input: PayloadDiff;
  result: PayloadDiff;
  error: PayloadDiff;
  /** Undefined on a side that has not finished. */
  durationMs: NumberDiff;
  /** Completed invocations of the function (InvocationCompleted events). */
  invocations: NumberDiff;
  /** Operations (the execution itself aside) of each kind. */
  counts: Record<DiffKind, number>;
  /** Anything but timings differs: status, payloads, invocation count or an operation. */
  changed: boolean;
}

/** Everything {@link diffExecutions} finds. */
export interface ExecutionDiff {
  summary: ExecutionDiffSummary;
  /** Operations of both executions, the execution itself aside, in program (tree) order. */
  operations: OperationDiff[];
  /** What the projection of each history could not read (see {@link projectHistory}). */
  problems: { left: string[]; right: string[] };
}

/** One Id's operations on both sides. */
interface Pair {
  id: string;
  left?: OperationView;
  right?: OperationView;
}

/** The ErrorObject as a JSON value, its data read as JSON when it is, so errors diff member by member. */
function errorJson(error: ErrorObject): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  if (error.ErrorType !== undefined) out.ErrorType = error.ErrorType;
  if (error.ErrorMessage !== undefined) out.ErrorMessage = error.ErrorMessage;
  if (error.ErrorData !== undefined) {
    try {
      out.ErrorData = JSON.parse(error.ErrorData) as JsonValue;
    } catch {
      out.ErrorData = error.ErrorData;
    }
  }
  if (error.StackTrace !== undefined) out.StackTrace = error.StackTrace;
  return out;
}

function payloadSide(op: OperationView | undefined, field: PayloadField): PayloadSide | undefined {
  if (!op) return undefined;
  const text = field === "error" ? (op.error ? JSON.stringify(errorJson(op.error)) : undefined) : op[field];
  return text === undefined ? undefined : { text, truncated: op.truncatedPayloads?.includes(field) === true };
}

function diffPayload(field: PayloadField, left: OperationView | undefined, right: OperationView | undefined): PayloadDiff {
  return { field, ...comparePayloads(payloadSide(left, field), payloadSide(right, field)) };
}

function delta(left: number | undefined, right: number | undefined): NumberDiff {
  return { left, right, delta: left !== undefined && right !== undefined ? right - left : undefined };
}

/** How long a finished operation took; a running one has no duration yet. */
function finishedDurationMs(op: OperationView | undefined): number | undefined {
  return op?.endedAt ? operationDurationMs(op) : undefined;
}

function timing(op: OperationView | undefined, executionStart: number | undefined): OperationTiming {
  return {
    startOffsetMs: op?.startedAt && executionStart !== undefined ? op.startedAt.getTime() - executionStart : undefined,
    durationMs: finishedDurationMs(op),
  };
}

function timingDiff(pair: Pair, starts: { left?: number; right?: number }): TimingDiff {
  const left = timing(pair.left, starts.left);
  const right = timing(pair.right, starts.right);
  return {
    left,
    right,
    startOffsetDeltaMs: delta(left.startOffsetMs, right.startOffsetMs).delta,
    durationDeltaMs: delta(left.durationMs, right.durationMs).delta,
  };
}

const COMPARED: ReadonlyArray<[OperationField, (op: OperationView) => string | number | undefined]> = [
  ["type", (op) => op.type],
  ["subType", (op) => op.subType],
  ["name", (op) => op.name],
  ["parent", (op) => op.parentId],
  ["status", (op) => op.status],
  ["attempts", (op) => op.attempts.length],
  ["attemptOutcomes", (op) => attemptOutcomes(op)],
];

/** How each attempt ended, "1 SUCCEEDED, 2 FAILED (Type: message)": an attempt answered otherwise (a what-if) differs here. */
function attemptOutcomes(op: OperationView): string | undefined {
  if (op.attempts.length === 0) return undefined;
  return op.attempts
    .map((a) => `${a.number} ${a.status}${a.error ? ` (${[a.error.ErrorType, a.error.ErrorMessage].filter(Boolean).join(": ")})` : ""}`)
    .join(", ");
}

function fieldChanges(left: OperationView, right: OperationView): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, read] of COMPARED) {
    // Outcomes of different numbers of attempts differ anyway: the count says it.
    if (field === "attemptOutcomes" && left.attempts.length !== right.attempts.length) continue;
    const l = read(left);
    const r = read(right);
    if (l !== r) out.push({ field, left: l, right: r });
  }
  return out;
}

const OPERATION_PAYLOADS: readonly PayloadField[] = ["input", "result", "error"];

function diffPair(pair: Pair, depth: number, starts: { left?: number; right?: number }): OperationDiff {
  const { left, right } = pair;
  const fields = left && right ? fieldChanges(left, right) : [];
  const payloads = OPERATION_PAYLOADS.map((f) => diffPayload(f, left, right)).filter((p) => p.changes.length > 0);
  const kind: DiffKind = !left ? "added" : !right ? "removed" : fields.length > 0 || payloads.length > 0 ? "changed" : "unchanged";
  return { id: pair.id, kind, depth, left, right, fields, payloads, timing: timingDiff(pair, starts) };
}

/**
 * Interleaves two orderings of Ids into one that keeps the right's order and puts each Id only
 * the left has right after the Id it follows on the left. Shared Ids in a different order (two
 * concurrent branches that finished the other way round) follow the right.
 */
function mergeOrder(left: readonly string[], right: readonly string[]): string[] {
  const onRight = new Set(right);
  // Ids only the left has, by the shared Id they follow there (undefined: none, they come first).
  const following = new Map<string | undefined, string[]>();
  let anchor: string | undefined;
  for (const id of left) {
    if (onRight.has(id)) {
      anchor = id;
      continue;
    }
    const after = following.get(anchor);
    if (after) after.push(id);
    else following.set(anchor, [id]);
  }
  const out = [...(following.get(undefined) ?? [])];
  for (const id of right) out.push(id, ...(following.get(id) ?? []));
  return out;
}

/** What start offsets count from: the execution's start, else (a history without it) its earliest event. */
function startOf(execution: OperationView | undefined, events: readonly Event[]): number | undefined {
  if (execution?.startedAt) return execution.startedAt.getTime();
  let earliest: number | undefined;
  for (const e of events) {
    const t = e.EventTimestamp?.getTime();
    if (t !== undefined && (earliest === undefined || t < earliest)) earliest = t;
  }
  return earliest;
}

/** Pairs, placed in one tree: under the parent the right gives them, or the left when only it has them. */
function mergedTree(left: readonly OperationView[], right: readonly OperationView[]): Array<{ pair: Pair; depth: number }> {
  const pairs = new Map<string, Pair>();
  for (const op of left) pairs.set(op.id, { id: op.id, left: op });
  for (const op of right) pairs.set(op.id, { ...pairs.get(op.id), id: op.id, right: op });
  const parentOf = (p: Pair) => (p.right ? p.right.parentId : p.left?.parentId);
  const childrenOf = (pair: Pair | undefined) => {
    const keep = (id: string) => {
      const parent = parentOf(pairs.get(id)!);
      return pair ? parent === pair.id : parent === undefined || !pairs.has(parent);
    };
    // The top level is every operation without a (known) parent, each side in program order.
    const leftIds = pair ? (pair.left?.children ?? []) : left.map((op) => op.id);
    const rightIds = pair ? (pair.right?.children ?? []) : right.map((op) => op.id);
    return mergeOrder(leftIds.filter(keep), rightIds.filter(keep));
  };

  const out: Array<{ pair: Pair; depth: number }> = [];
  const placed = new Set<string>();
  // An explicit stack, because map iterations can nest deeper than the call stack likes.
  const walk = (ids: readonly string[], depth: number) => {
    const stack = ids.map((id) => ({ id, depth })).reverse();
    while (stack.length > 0) {
      const { id, depth: d } = stack.pop()!;
      if (placed.has(id)) continue;
      placed.add(id);
      const pair = pairs.get(id)!;
      out.push({ pair, depth: d });
      const children = childrenOf(pair);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ id: children[i]!, depth: d + 1 });
    }
  };
  walk(childrenOf(undefined), 0);
  // Whatever is left sits in a parent cycle; show it at the top level rather than lose it.
  walk([...pairs.keys()], 0);
  return out;
}

function countKinds(operations: readonly OperationDiff[]): Record<DiffKind, number> {
  const counts: Record<DiffKind, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const op of operations) counts[op.kind]++;
  return counts;
}

/**
 * Compares two executions' histories: every operation of either paired by Id and classified, with
 * what changed (members, payloads as JSON diffs) and how its timing moved, in program order; and
 * a summary of the executions as wholes.
 *
 * @example diffExecutions(yesterday, today).operations.filter((op) => op.kind !== "unchanged")
 */
export function diffExecutions(left: readonly Event[], right: readonly Event[]): ExecutionDiff {
  const lp = projectHistory(left);
  const rp = projectHistory(right);
  const isExecution = (op: OperationView) => op.type === "EXECUTION";
  const le = lp.operations.find(isExecution);
  const re = rp.operations.find(isExecution);
  const starts = { left: startOf(le, left), right: startOf(re, right) };
  const operations = mergedTree(
    lp.operations.filter((op) => op !== le),
    rp.operations.filter((op) => op !== re),
  ).map(({ pair, depth }) => diffPair(pair, depth, starts));

  const status = { left: le?.status, right: re?.status };
  const summary: ExecutionDiffSummary = {
    status,
    input: diffPayload("input", le, re),
    result: diffPayload("result", le, re),
    error: diffPayload("error", le, re),
    durationMs: delta(finishedDurationMs(le), finishedDurationMs(re)),
    invocations: delta(lp.invocations.length, rp.invocations.length),
    counts: countKinds(operations),
    changed: false,
  };
  summary.changed =
    status.left !== status.right ||
    [summary.input, summary.result, summary.error].some((p) => p.changes.length > 0) ||
    summary.invocations.delta !== 0 ||
    operations.some((op) => op.kind !== "unchanged");
  return { summary, operations, problems: { left: lp.problems, right: rp.problems } };
}
