"use client";
import {
  buildTimeline,
  defaultCollapsedGroups,
  describeEvents,
  eventsAsOf,
  flattenOperationTree,
  measureHistory,
  projectHistory,
  timelineAsOf,
  type EventRow,
  type HistoryHealth,
  type HistoryProjection,
  type OperationView,
  type ReplayPoint,
  type TimelineModel,
} from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";

/** Everything the page derives from a history, computed once per history. */
export interface ExecutionModel {
  /** The events the model shows: the whole history, or its part up to a past point. */
  events: readonly Event[];
  projection: HistoryProjection;
  byId: ReadonlyMap<string, OperationView>;
  /** Operations depth first in program order: what j/k walks. */
  order: readonly OperationView[];
  eventById: ReadonlyMap<number, Event>;
  health: HistoryHealth;
  /** Groups that start closed in the graph; at a past point the whole history's, so the graph keeps its shape while scrubbing. */
  defaultCollapsed: ReadonlySet<string>;
  /** Built on first use: a page that never opens the timeline never pays for it. */
  timeline: () => TimelineModel;
  /** Built on first use, like the timeline. */
  eventRows: () => readonly EventRow[];
}

/** The model of the whole history, and of the history as it stood at a past point. */
export interface ExecutionModels {
  latest: ExecutionModel;
  /** The model of the events up to `point`; kept for a while, so returning to a point costs nothing. */
  asOf: (point: ReplayPoint) => ExecutionModel;
}

/** Past points kept built, so scrubbing back over them is instant; each holds a projection of up to the whole history. */
const PAST_MODELS_KEPT = 24;

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** A past point's model: what was still going at `time` (epoch ms) is drawn up to it, not up to now. */
interface PastPoint {
  time: number | undefined;
  latest: ExecutionModel;
}

function buildModel(events: readonly Event[], rowCache: WeakMap<Event, EventRow>, past?: PastPoint): ExecutionModel {
  const projection = projectHistory(events);
  const byId = new Map(projection.operations.map((op) => [op.id, op]));
  const eventById = new Map<number, Event>();
  for (const e of events) if (e.EventId !== undefined) eventById.set(e.EventId, e);
  return {
    events,
    projection,
    byId,
    order: flattenOperationTree(projection.operations).map((entry) => entry.operation),
    eventById,
    health: measureHistory(events, projection.operations),
    defaultCollapsed: past ? past.latest.defaultCollapsed : defaultCollapsedGroups(projection.operations),
    timeline: once(() => (past?.time === undefined ? buildTimeline(projection) : timelineAsOf(buildTimeline(projection), past.time))),
    eventRows: once(() => describeEvents(events, rowCache)),
  };
}

/**
 * Projects a history for every view of the page, as it stands and, while time travelling, as it
 * stood at a past point. `events` keeps its identity across polls that bring nothing new, so none
 * of this runs again for them.
 *
 * @example const { latest, asOf } = useExecutionModel(parsed.events); const past = asOf(point);
 */
export function useExecutionModel(events: readonly Event[]): ExecutionModels {
  // Rows of events seen in an earlier version of the history (a poll appended to it) or in
  // another point of it (each point is a prefix) are reused.
  const [rowCache] = useState(() => new WeakMap<Event, EventRow>());
  return useMemo(() => {
    const latest = buildModel(events, rowCache);
    // Map order is the eviction order: a hit moves to the back.
    const past = new Map<number, ExecutionModel>();
    const asOf = (point: ReplayPoint) => {
      let model = past.get(point.eventId);
      if (model) {
        past.delete(point.eventId);
      } else {
        model = buildModel(eventsAsOf(events, point.eventId), rowCache, { time: point.time?.getTime(), latest });
        if (past.size >= PAST_MODELS_KEPT) past.delete(past.keys().next().value!);
      }
      past.set(point.eventId, model);
      return model;
    };
    return { latest, asOf };
  }, [events, rowCache]);
}
