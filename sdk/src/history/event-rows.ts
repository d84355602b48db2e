/**
 * One line per history event for the events table: type, names, time and a short summary of its
 * details, plus a lower-cased haystack so filtering 20,000 rows is a plain substring scan.
 */
import type { ErrorObject, Event } from "../protocol/index.js";
import { detailsOf, type EventDetails } from "./event-details.js";

export interface EventRow {
  /** Position in the history (the events as given), to find the event again. */
  index: number;
  eventId?: number;
  type: string;
  subType?: string;
  name?: string;
  /** The operation the event belongs to (none for InvocationCompleted). */
  operationId?: string;
  parentId?: string;
  timestamp?: Date;
  /** The details in one line: outcome, error, retry, wait, callback id, payload preview. */
  details: string;
  /** Lower-cased text the text filter searches. */
  haystack: string;
}

/** How much of each payload goes into the search haystack: enough to find ids, bounded for huge payloads. */
const HAYSTACK_PAYLOAD_CHARS = 2000;
const PREVIEW_CHARS = 80;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS)}…` : flat;
}

function seconds(n: number): string {
  return `${n} s`;
}

function errorText(error: ErrorObject | undefined): string | undefined {
  if (!error) return undefined;
  const text = [error.ErrorType, error.ErrorMessage].filter(Boolean).join(": ");
  return text === "" ? undefined : text;
}

function summarize(d: EventDetails): string[] {
  const parts: string[] = [];
  const attempt = d.RetryDetails?.CurrentAttempt;
  if (attempt !== undefined) parts.push(`attempt ${attempt}`);
  const error = errorText(d.Error?.Payload);
  if (error) parts.push(preview(error));
  if (d.RetryDetails?.NextAttemptDelaySeconds !== undefined) parts.push(`retry in ${seconds(d.RetryDetails.NextAttemptDelaySeconds)}`);
  if (d.Duration !== undefined) parts.push(`wait ${seconds(d.Duration)}`);
  if (d.ScheduledEndTimestamp) parts.push(`until ${d.ScheduledEndTimestamp.toISOString()}`);
  if (d.CallbackId) parts.push(`callback ${d.CallbackId}`);
  if (d.Timeout !== undefined) parts.push(`timeout ${seconds(d.Timeout)}`);
  if (d.HeartbeatTimeout !== undefined) parts.push(`heartbeat ${seconds(d.HeartbeatTimeout)}`);
  if (d.FunctionName) parts.push(`function ${d.FunctionName}`);
  if (d.DurableExecutionArn) parts.push(d.DurableExecutionArn);
  if (d.RequestId) parts.push(`request ${d.RequestId}`);
  if (d.StartTimestamp && d.EndTimestamp) parts.push(`ran ${d.EndTimestamp.getTime() - d.StartTimestamp.getTime()} ms`);
  if (d.Input?.Payload !== undefined) parts.push(`input ${preview(d.Input.Payload)}`);
  if (d.Result?.Payload !== undefined) parts.push(`result ${preview(d.Result.Payload)}`);
  if (d.Input?.Truncated || d.Result?.Truncated || d.Error?.Truncated) parts.push("(truncated)");
  return parts;
}

function payloadText(d: EventDetails): string {
  const texts = [d.Input?.Payload, d.Result?.Payload, d.Error?.Payload?.ErrorData, ...(d.Error?.Payload?.StackTrace ?? [])];
  return texts
    .filter((t): t is string => t !== undefined)
    .map((t) => t.slice(0, HAYSTACK_PAYLOAD_CHARS))
    .join(" ");
}

/**
 * The table row of one event.
 *
 * @example describeEvent(stepFailed, 2).details // "attempt 1 · Error: Random failure · retry in 1 s"
 */
export function describeEvent(event: Event, index: number): EventRow {
  const d = detailsOf(event);
  const details = d ? summarize(d).join(" · ") : "";
  const row: EventRow = { index, type: event.EventType ?? "(unknown)", details, haystack: "" };
  if (event.EventId !== undefined) row.eventId = event.EventId;
  if (event.SubType) row.subType = event.SubType;
  if (event.Name) row.name = event.Name;
  if (event.Id) row.operationId = event.Id;
  if (event.ParentId) row.parentId = event.ParentId;
  if (event.EventTimestamp) row.timestamp = event.EventTimestamp;
  row.haystack = [row.eventId, row.type, row.subType, row.name, row.operationId, row.parentId, details, d ? payloadText(d) : ""]
    .filter((p) => p !== undefined && p !== "")
    .join(" ")
    .toLowerCase();
  return row;
}

/**
 * Table rows for a whole history, in the order given. With a cache, an event object described
 * before (at the same position) is not described again, which makes a poll that appended a few
 * events to a long history cheap.
 *
 * @example describeEvents(parseHistory(json).events).length
 */
export function describeEvents(events: readonly Event[], cache?: WeakMap<Event, EventRow>): EventRow[] {
  return events.map((event, index) => {
    const known = cache?.get(event);
    if (known && known.index === index) return known;
    const row = describeEvent(event, index);
    cache?.set(event, row);
    return row;
  });
}

export interface EventFilter {
  /** Event types to keep; empty or absent keeps every type. */
  types?: ReadonlySet<string>;
  /** Words (or "quoted phrases") that must all appear, ignoring case, in the row or its payloads. */
  text?: string;
}

/**
 * The search terms of a filter text: words, and "quoted phrases" kept whole.
 *
 * @example searchTerms('StepFailed "attempt 3"') // ["stepfailed", "attempt 3"]
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? "").trim();
    if (term !== "") terms.push(term);
  }
  return terms;
}

/**
 * The rows that pass a filter; returns the same array when the filter keeps everything.
 *
 * @example filterEventRows(rows, { types: new Set(["StepFailed"]), text: "timeout" })
 */
export function filterEventRows(rows: readonly EventRow[], filter: EventFilter): readonly EventRow[] {
  const words = searchTerms(filter.text ?? "");
  const types = filter.types && filter.types.size > 0 ? filter.types : undefined;
  if (!types && words.length === 0) return rows;
  return rows.filter((row) => (!types || types.has(row.type)) && words.every((w) => row.haystack.includes(w)));
}

/**
 * How many events of each type a history has, most frequent first (for the type filter).
 *
 * @example countEventTypes(rows)[0] // ["StepSucceeded", 3000]
 */
export function countEventTypes(rows: readonly EventRow[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
