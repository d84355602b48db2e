/**
 * Time travel over a recorded history: every event is a point the user can stop at, grouped into
 * checkpoints and invocations so they can step by either, and the events as of a point, so the
 * ordinary projections (projectHistory, buildTimeline, buildGraphModel) show the execution as it
 * stood then without knowing about time travel. Reads nothing but the history, so it works for
 * histories written by any SDK. Browser-safe: no Node APIs.
 */
import type { Event } from "../protocol/index.js";
import { projectHistory, type HistoryProjection } from "./operations.js";
import type { TimelineModel } from "./timeline.js";

/** One event of the history as a place to stop. */
export interface ReplayPoint {
  eventId: number;
  eventType?: string;
  /** The event's time, or the latest time before it when it has none (the view is "as of" this time). */
  time?: Date;
  /** 0-based checkpoint ({@link historyCheckpoints}) the event was written by; undefined for the service's own events. */
  checkpoint?: number;
  /**
   * 1-based invocation the event belongs to: an InvocationCompleted belongs to the run it ends, any
   * other event to the run after the last InvocationCompleted before it (the service's own events
   * between runs count with the run they wake). Never above `invocationCount`, so events after the
   * last run count with it; 0 only when the history has no invocation at all.
   */
  invocation: number;
}

/** What a history offers to time travel over, built once per history by {@link buildReplayPoints}. */
export interface ReplayPoints {
  /** In EventId order; events without an EventId cannot be addressed and are left out. */
  points: readonly ReplayPoint[];
  checkpointCount: number;
  /** Completed invocations, plus one when the function wrote events after the last of them (a run still going). */
  invocationCount: number;
  /** Indexes into `points` where a step stops: the last event of each checkpoint and each service event but InvocationCompleted; each InvocationCompleted. */
  stops: { readonly checkpoint: readonly number[]; readonly invocation: readonly number[] };
}

/** What one step of the scrubber moves by. */
export type ReplayUnit = "event" | "checkpoint" | "invocation";

/** One CheckpointDurableExecution call as a history shows it: the events it wrote. */
export interface HistoryCheckpoint {
  /** Its events' ids, in order. */
  eventIds: readonly number[];
  /** When the service wrote them; undefined when the first event has no timestamp. */
  time?: Date;
}

/** What the service writes on its own, never from a checkpoint call of the function. */
const SERVICE_EVENTS: ReadonlySet<string> = new Set([
  "ExecutionStarted",
  "InvocationCompleted",
  // The execution's end: written from the invocation's response (or a stop, a timeout).
  "ExecutionSucceeded",
  "ExecutionFailed",
  "ExecutionTimedOut",
  "ExecutionStopped",
  // Ends the service decides: a timer, an answer from outside, an invoked execution's end.
  "WaitSucceeded",
  "CallbackSucceeded",
  "CallbackFailed",
  "CallbackTimedOut",
  "ChainedInvokeSucceeded",
  "ChainedInvokeFailed",
  "ChainedInvokeTimedOut",
  "ChainedInvokeStopped",
]);

/**
 * Whether the function wrote `event` through a checkpoint call (the service writes the others on
 * its own: the start, each invocation's end, a wait's end, a callback's answer, ...).
 *
 * @example writtenByCheckpoint({ EventType: "StepStarted" }) // true
 */
export function writtenByCheckpoint(event: Pick<Event, "EventType">): boolean {
  return event.EventType !== undefined && !SERVICE_EVENTS.has(event.EventType);
}

function sameInstant(a: Date | undefined, b: Date | undefined): boolean {
  return a !== undefined && b !== undefined && a.getTime() === b.getTime();
}

/**
 * The checkpoints of a history: the one rule both the execution page (time travel) and the
 * simulator count by.
 *
 * A history does not mark which events one CheckpointDurableExecution call wrote, so calls are
 * read from what holds for every call: only the function's own events (never the service's, see
 * {@link writtenByCheckpoint}); written together, so consecutive, with nothing of the service's
 * between them; stamped with the call's time, so one EventTimestamp; and touching an operation at
 * most once (a runtime sends an operation's next update only once the last one was answered).
 * A new checkpoint therefore starts at a function event after a service event, at another
 * timestamp, without one, or at an operation the current one already touched. Two calls on
 * different operations within one millisecond read as one: a history cannot tell them apart.
 *
 * @example historyCheckpoints(events).length // the "N checkpoints" of the execution page and the simulator
 */
export function historyCheckpoints(events: readonly Event[]): HistoryCheckpoint[] {
  const sorted = events.filter((e) => e.EventId !== undefined).sort((a, b) => a.EventId! - b.EventId!);
  const out: { eventIds: number[]; time?: Date }[] = [];
  checkpointIndexes(sorted).forEach((checkpoint, i) => {
    if (checkpoint === undefined) return;
    const event = sorted[i]!;
    if (checkpoint === out.length) out.push({ eventIds: [], ...(event.EventTimestamp && { time: event.EventTimestamp }) });
    out[checkpoint]!.eventIds.push(event.EventId!);
  });
  return out;
}

/** The 0-based checkpoint of each of `sorted` (in EventId order), undefined for the service's events: the rule of {@link historyCheckpoints}. */
function checkpointIndexes(sorted: readonly Event[]): (number | undefined)[] {
  let checkpoint = -1;
  let time: Date | undefined;
  let ops: Set<string | undefined> | undefined;
  return sorted.map((event) => {
    if (!writtenByCheckpoint(event)) {
      ops = undefined;
      return undefined;
    }
    if (ops === undefined || !sameInstant(time, event.EventTimestamp) || ops.has(event.Id)) {
      checkpoint++;
      ops = new Set();
      time = event.EventTimestamp;
    }
    ops.add(event.Id);
    return checkpoint;
  });
}

/**
 * The points of a history with their checkpoint ({@link historyCheckpoints}) and invocation.
 * Stepping by checkpoint stops at the end of each checkpoint and at each event the service wrote
 * on its own (a wait's end, a callback's answer): every stop changes the picture.
 *
 * `projection` must be the projection of the same events; it is computed when not given.
 *
 * @example const replay = buildReplayPoints(events); replay.stops.invocation.map((i) => replay.points[i]!.eventId) // InvocationCompleted ids
 */
export function buildReplayPoints(events: readonly Event[], projection: HistoryProjection = projectHistory(events)): ReplayPoints {
  const sorted = events.filter((e) => e.EventId !== undefined).sort((a, b) => a.EventId! - b.EventId!);
  const invocationCount = projection.invocations.length + (projection.unfinishedInvocation ? 1 : 0);
  const checkpointOf = checkpointIndexes(sorted);
  const points: ReplayPoint[] = [];
  const checkpointStops: number[] = [];
  const invocationStops: number[] = [];
  let completed = 0;
  let time: Date | undefined;
  let checkpointCount = 0;
  sorted.forEach((event, index) => {
    time = event.EventTimestamp ?? time;
    const point: ReplayPoint = { eventId: event.EventId!, invocation: Math.min(completed + 1, invocationCount) };
    if (event.EventType !== undefined) point.eventType = event.EventType;
    if (time !== undefined) point.time = time;
    const checkpoint = checkpointOf[index];
    if (checkpoint !== undefined) {
      point.checkpoint = checkpoint;
      checkpointCount = checkpoint + 1;
    }
    if (event.EventType === "InvocationCompleted") {
      completed++;
      invocationStops.push(index);
    } else if (checkpoint === undefined || checkpointOf[index + 1] !== checkpoint) {
      // A checkpoint's last event, or one of the service's own.
      checkpointStops.push(index);
    }
    points.push(point);
  });
  return { points, checkpointCount, invocationCount, stops: { checkpoint: checkpointStops, invocation: invocationStops } };
}

/**
 * The index of the point to show for `eventId`: that event's, or the last one before it (an id the
 * history skips, or one past its end); 0 for ids before the first; -1 for a history with no points.
 *
 * @example pointIndexAt(replay, Number(searchParams.get("at")))
 */
export function pointIndexAt(replay: ReplayPoints, eventId: number): number {
  const { points } = replay;
  let low = 0;
  let high = points.length - 1;
  if (high < 0) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (points[mid]!.eventId <= eventId) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Where one step by `unit` from the point at `index` lands: the next or previous event, the end of
 * the next or previous checkpoint, or the next or previous InvocationCompleted. The first and last
 * points are stops for every unit, so a step can always reach both ends. Undefined when there is
 * nowhere to go.
 *
 * @example stepReplay(replay, index, "checkpoint", 1)
 */
export function stepReplay(replay: ReplayPoints, index: number, unit: ReplayUnit, direction: 1 | -1): number | undefined {
  const last = replay.points.length - 1;
  if (last < 0) return undefined;
  let to: number | undefined;
  if (unit === "event") {
    to = index + direction;
  } else {
    const stops = replay.stops[unit];
    to = direction === 1 ? stops.find((s) => s > index) : stops.findLast((s) => s < index);
    to ??= direction === 1 ? last : 0;
  }
  return to >= 0 && to <= last && to !== index ? to : undefined;
}

/**
 * The events up to and including `eventId`, in their original order: the history as it stood then.
 * Run the usual projections on it to see the execution at that point.
 *
 * @example projectHistory(eventsAsOf(events, 12)).operations.map((op) => op.status)
 */
export function eventsAsOf(events: readonly Event[], eventId: number): Event[] {
  return events.filter((e) => e.EventId !== undefined && e.EventId <= eventId);
}

/**
 * A timeline of a past point, drawn as it stood at `at` (epoch ms): what was still going ends at
 * `at` rather than at the current time, and nothing counts as open. Deadlines are dropped: the
 * timeline counts down to them from the current time, which says nothing about a past point.
 *
 * @example timelineAsOf(buildTimeline(projectHistory(eventsAsOf(events, 12))), point.time.getTime())
 */
export function timelineAsOf(model: TimelineModel, at: number): TimelineModel {
  let end = model.end;
  const close = <T extends { start?: number; end?: number }>(span: T): T => {
    if (span.end !== undefined || span.start === undefined) return span;
    const closed = Math.max(span.start, at);
    end = Math.max(end ?? closed, closed);
    return { ...span, end: closed };
  };
  const rows = model.rows.map(({ deadline: _deadline, ...row }) => ({ ...row, segments: row.segments.map(close) }));
  const out: TimelineModel = { open: false, rows, lanes: model.lanes.map(close) };
  if (model.start !== undefined) out.start = model.start;
  if (end !== undefined) out.end = end;
  return out;
}
