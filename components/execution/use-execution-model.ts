"use client";
import {
  buildTimeline,
  defaultCollapsedGroups,
  describeEvents,
  flattenOperationTree,
  measureHistory,
  projectHistory,
  type EventRow,
  type HistoryHealth,
  type HistoryProjection,
  type OperationView,
  type TimelineModel,
} from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";

/** Everything the page derives from a history, computed once per history. */
export interface ExecutionModel {
  projection: HistoryProjection;
  byId: ReadonlyMap<string, OperationView>;
  /** Operations depth first in program order: what j/k walks. */
  order: readonly OperationView[];
  eventById: ReadonlyMap<number, Event>;
  health: HistoryHealth;
  /** Groups that start closed in the graph. */
  defaultCollapsed: ReadonlySet<string>;
  /** Built on first use: a page that never opens the timeline never pays for it. */
  timeline: () => TimelineModel;
  /** Built on first use, like the timeline. */
  eventRows: () => readonly EventRow[];
}

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

/**
 * Projects a history for every view of the page. `events` keeps its identity across polls that
 * bring nothing new, so none of this runs again for them.
 *
 * @example const model = useExecutionModel(parsed.events);
 */
export function useExecutionModel(events: readonly Event[]): ExecutionModel {
  // Rows of events seen in an earlier version of the history (a poll appended to it) are reused.
  const [rowCache] = useState(() => new WeakMap<Event, EventRow>());
  return useMemo(() => {
    const projection = projectHistory(events);
    const byId = new Map(projection.operations.map((op) => [op.id, op]));
    const eventById = new Map<number, Event>();
    for (const e of events) if (e.EventId !== undefined) eventById.set(e.EventId, e);
    return {
      projection,
      byId,
      order: flattenOperationTree(projection.operations).map((entry) => entry.operation),
      eventById,
      health: measureHistory(events, projection.operations),
      defaultCollapsed: defaultCollapsedGroups(projection.operations),
      timeline: once(() => buildTimeline(projection)),
      eventRows: once(() => describeEvents(events, rowCache)),
    };
  }, [events, rowCache]);
}
