/**
 * Histories written inline for tests: one call per event, ids and timestamps filled in, so a test
 * states only the shape it is about.
 */
import type { Event } from "../protocol/index.js";

export interface InlineHistory {
  /** Appends an event and returns the history, so calls chain. */
  add(type: string, id: string | undefined, more?: Partial<Event> & { at?: number; details?: Record<string, unknown> }): InlineHistory;
  events: Event[];
}

/** Milliseconds after 2026-01-01T00:00:00Z. */
export const at = (ms: number): Date => new Date(Date.UTC(2026, 0, 1) + ms);

/**
 * A new history; `add` numbers events from 1 and stamps each at `at` ms (default: the previous event's time).
 *
 * @example inlineHistory().add("ExecutionStarted", "exec").add("StepStarted", "s1", { Name: "charge", at: 10 }).events
 */
export function inlineHistory(): InlineHistory {
  const events: Event[] = [];
  let time = 0;
  const history: InlineHistory = {
    events,
    add(type, id, more = {}) {
      const { at: ms, details, ...rest } = more;
      time = ms ?? time;
      const event: Event = { EventType: type as Event["EventType"], EventId: events.length + 1, EventTimestamp: at(time), ...rest };
      if (id !== undefined) event.Id = id;
      if (details) (event as Record<string, unknown>)[`${type}Details`] = details;
      events.push(event);
      return history;
    },
  };
  return history;
}
