/**
 * A Gantt model of an execution: one row per operation (tree order) with a bar per step attempt,
 * the back-off gap before each retry, waits and callbacks with their deadlines, and one lane per
 * invocation of the function listing the operations it ran. Times are epoch milliseconds.
 */
import { isOpen, type HistoryProjection, type InvocationView, type OperationView, type OperationViewStatus, type AttemptStatus } from "./operations.js";
import type { ErrorObject } from "../protocol/index.js";
import { flattenOperationTree } from "./tree.js";

/** `run`: an operation's whole span (contexts, the execution); the other kinds name what the bar is. */
export type SegmentKind = "run" | "attempt" | "backoff" | "wait" | "callback" | "invoke";

export interface TimelineSegment {
  kind: SegmentKind;
  start: number;
  /** Absent while the segment is still going: draw it up to "now". */
  end?: number;
  /** The attempt's or operation's status; `SCHEDULED` for a back-off waiting for its retry. */
  status: AttemptStatus | OperationViewStatus | "SCHEDULED";
  /** 1-based attempt number, for `attempt` and the `backoff` that follows it. */
  attempt?: number;
  /** True when it never ended: the execution finished first, and the bar stops at the execution's end. */
  cutOff?: boolean;
}

/** The next thing due for an operation that is not finished. */
export interface TimelineDeadline {
  at: number;
  kind: "wait-ends" | "callback-times-out" | "retry-starts";
}

export interface TimelineRow {
  operation: OperationView;
  depth: number;
  segments: TimelineSegment[];
  deadline?: TimelineDeadline;
  /** 1-based numbers of the invocations that ran this operation. */
  invocations: number[];
}

export interface InvocationLane {
  /** 1-based, in history order. */
  number: number;
  /** The InvocationCompleted event; absent for a run that has not completed. */
  eventId?: number;
  requestId?: string;
  start?: number;
  end?: number;
  error?: ErrorObject;
  operationIds: string[];
  /** True for events after the last InvocationCompleted: a run still going (or cut off). */
  unfinished: boolean;
  /** True for an unfinished run of an execution that has ended: it ends with the execution, not "now". */
  cutOff?: boolean;
}

export interface TimelineModel {
  /** Earliest time on any bar or lane; undefined when the history has no timestamps. */
  start?: number;
  /** Latest end on any bar or lane (open bars end "now", which the caller adds). */
  end?: number;
  /** True when some bar is still open, so the chart should extend to "now". */
  open: boolean;
  rows: TimelineRow[];
  lanes: InvocationLane[];
}

const ms = (d: Date | undefined) => d?.getTime();

function stepSegments(op: OperationView): { segments: TimelineSegment[]; deadline?: TimelineDeadline } {
  const segments: TimelineSegment[] = [];
  let deadline: TimelineDeadline | undefined;
  op.attempts.forEach((attempt, i) => {
    const start = ms(attempt.startedAt);
    const end = ms(attempt.endedAt);
    if (start !== undefined) {
      const segment: TimelineSegment = { kind: "attempt", start, status: attempt.status, attempt: attempt.number };
      // An attempt that ended without a start time still shows as an instant at its end.
      if (end !== undefined) segment.end = end;
      else if (attempt.status !== "STARTED") segment.end = start;
      segments.push(segment);
    }
    const delay = attempt.nextAttemptDelaySeconds;
    if (attempt.status !== "FAILED" || delay === undefined || end === undefined) return;
    const next = op.attempts[i + 1];
    const backoff: TimelineSegment = { kind: "backoff", start: end, status: "SCHEDULED", attempt: attempt.number };
    const nextStart = ms(next?.startedAt);
    if (nextStart !== undefined) backoff.end = nextStart;
    else if (next) backoff.end = end + delay * 1000;
    else deadline = { at: end + delay * 1000, kind: "retry-starts" };
    segments.push(backoff);
  });
  return deadline ? { segments, deadline } : { segments };
}

const SPAN_KIND: Readonly<Record<OperationView["type"], SegmentKind>> = {
  EXECUTION: "run",
  CONTEXT: "run",
  STEP: "attempt",
  WAIT: "wait",
  CALLBACK: "callback",
  CHAINED_INVOKE: "invoke",
};

function spanSegment(op: OperationView): TimelineSegment[] {
  const start = ms(op.startedAt);
  if (start === undefined) return [];
  const segment: TimelineSegment = { kind: SPAN_KIND[op.type], start, status: op.status };
  const end = ms(op.endedAt);
  if (end !== undefined) segment.end = end;
  // Finished without an end time (e.g. the end event lacked a timestamp): show an instant, not an open bar.
  else if (!isOpen(op)) segment.end = start;
  return [segment];
}

function deadlineOf(op: OperationView): TimelineDeadline | undefined {
  if (op.status !== "STARTED") return undefined;
  if (op.type === "WAIT" && op.wait?.scheduledEndAt) return { at: op.wait.scheduledEndAt.getTime(), kind: "wait-ends" };
  const start = ms(op.startedAt);
  if (op.type === "CALLBACK" && start !== undefined && op.callback?.timeoutSeconds) {
    return { at: start + op.callback.timeoutSeconds * 1000, kind: "callback-times-out" };
  }
  return undefined;
}

function lanesOf(projection: HistoryProjection): InvocationLane[] {
  const lane = (inv: InvocationView, i: number): InvocationLane => {
    const out: InvocationLane = { number: i + 1, eventId: inv.eventId, operationIds: inv.operationIds, unfinished: false };
    if (inv.requestId) out.requestId = inv.requestId;
    if (inv.startedAt) out.start = inv.startedAt.getTime();
    if (inv.endedAt) out.end = inv.endedAt.getTime();
    if (inv.error) out.error = inv.error;
    return out;
  };
  const lanes = projection.invocations.map(lane);
  const unfinished = projection.unfinishedInvocation;
  if (unfinished) {
    const out: InvocationLane = { number: lanes.length + 1, operationIds: unfinished.operationIds, unfinished: true };
    if (unfinished.startedAt) out.start = unfinished.startedAt.getTime();
    lanes.push(out);
  }
  return lanes;
}

/**
 * Builds the timeline of a projected history. Pure: bars still running have no `end`, and the
 * caller draws them up to the current time, so the model need not change every second.
 *
 * @example buildTimeline(projectHistory(events)).rows.find((r) => r.operation.name === "charge")?.segments.length
 */
export function buildTimeline(projection: HistoryProjection): TimelineModel {
  const lanes = lanesOf(projection);
  const ranIn = new Map<string, number[]>();
  for (const lane of lanes) {
    for (const id of lane.operationIds) {
      const list = ranIn.get(id) ?? [];
      list.push(lane.number);
      ranIn.set(id, list);
    }
  }

  let start = Infinity;
  let end = -Infinity;
  let open = false;
  const extend = (s: number | undefined, e: number | undefined) => {
    if (s !== undefined) start = Math.min(start, s);
    if (e !== undefined) end = Math.max(end, e);
    if (s !== undefined && e === undefined) end = Math.max(end, s);
  };

  // Once the execution has ended nothing in it is still going: what never finished (an unawaited
  // wait, a retry the code stopped waiting for) stops at the execution's end instead of "now".
  const closedAt = ms(projection.operations.find((op) => op.type === "EXECUTION")?.executionEnd?.at);

  const rows = flattenOperationTree(projection.operations).map(({ operation, depth }): TimelineRow => {
    const built = operation.type === "STEP" && operation.attempts.length > 0
      ? stepSegments(operation)
      : { segments: spanSegment(operation), deadline: deadlineOf(operation) };
    const { segments } = built;
    for (const s of segments) {
      if (s.end === undefined && closedAt !== undefined) {
        s.end = Math.max(s.start, closedAt);
        s.cutOff = true;
      }
      extend(s.start, s.end);
      if (s.end === undefined) open = true;
    }
    const row: TimelineRow = { operation, depth, segments, invocations: ranIn.get(operation.id) ?? [] };
    if (built.deadline && closedAt === undefined) row.deadline = built.deadline;
    return row;
  });
  for (const lane of lanes) {
    if (lane.unfinished && lane.end === undefined && closedAt !== undefined) {
      lane.end = Math.max(lane.start ?? closedAt, closedAt);
      lane.cutOff = true;
    }
    extend(lane.start, lane.end);
    if (lane.unfinished && lane.end === undefined) open = true;
  }
  const model: TimelineModel = { open, rows, lanes };
  if (Number.isFinite(start)) model.start = start;
  if (Number.isFinite(end)) model.end = end;
  return model;
}
