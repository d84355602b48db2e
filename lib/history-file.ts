/**
 * Reads a history file a user opened: the `Events` array as GetDurableExecutionHistory returns it,
 * a `{ "Events": [...] }` object, or a bare array of events. Everything happens in the browser.
 * A file that cannot be shown faithfully gets a message naming what is wrong; events that could
 * not be read are never dropped silently.
 */
import { parseHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { findJsonSyntaxError } from "./json-error";

/** Larger files would exhaust the tab's memory before they could be shown. */
export const MAX_HISTORY_FILE_BYTES = 512 * 1024 * 1024;

/** At most this many problems are listed; the rest are counted. */
const MAX_DETAILS = 20;

/** A history that can be shown; `problems` are details that could not be read, listed next to it. */
export interface HistoryFileOk {
  ok: true;
  events: Event[];
  problems: string[];
}

/** A file that cannot be shown as it is. */
export interface HistoryFileError {
  ok: false;
  /** One sentence naming what is wrong. */
  message: string;
  /** The specifics: the text around a JSON mistake, or the problem with each unreadable event. */
  details: string[];
  /** The events that could be read, when only some could not (`unread` of them): the user may look at them anyway. */
  readable?: { events: Event[]; problems: string[]; unread: number };
}

export type HistoryFileResult = HistoryFileOk | HistoryFileError;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}

function capped(problems: readonly string[]): string[] {
  if (problems.length <= MAX_DETAILS) return [...problems];
  return [...problems.slice(0, MAX_DETAILS), `…and ${problems.length - MAX_DETAILS} more`];
}

const SHAPES = 'A history file is the "Events" array GetDurableExecutionHistory returns, as { "Events": [...] } or as a bare array of events.';

/** The event list inside the parsed JSON, or the error that says why there is none. */
function eventList(json: unknown): unknown[] | HistoryFileError {
  if (Array.isArray(json)) return json;
  if (typeof json === "object" && json !== null) {
    const record = json as Record<string, unknown>;
    if (Array.isArray(record.Events)) return record.Events;
    if ("Events" in record) return { ok: false, message: `"Events" is ${kindOf(record.Events)}, not an array of events.`, details: [SHAPES] };
    const keys = Object.keys(record);
    const shown = keys.slice(0, 8).map((k) => JSON.stringify(k)).join(", ");
    return {
      ok: false,
      message: `The file holds an object without an "Events" array (${keys.length === 0 ? "it is empty" : `its keys: ${shown}${keys.length > 8 ? ", …" : ""}`}).`,
      details: [SHAPES],
    };
  }
  return { ok: false, message: `The file holds ${kindOf(json)}, not a history.`, details: [SHAPES] };
}

/**
 * The events of a file that stops being JSON at `position` (cut off by a full disk or a killed
 * test run, or hand-edited): the elements of the top-level events array that close before it.
 * Undefined when the text is no events array or none closes in time.
 */
function eventsBefore(body: string, position: number): unknown[] | undefined {
  const open = /^\s*(?:\[|\{\s*"Events"\s*:\s*\[)/.exec(body);
  if (!open) return undefined;
  const start = open[0].length;
  let depth = 0;
  let inString = false;
  let end = -1;
  for (let i = start; i < position; i++) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < 0) break; // the events array itself closed
      if (depth === 0) end = i + 1;
    }
  }
  if (end < 0) return undefined;
  try {
    // The text before `position` is a valid start of JSON, so its complete elements parse as the file has them.
    const events: unknown = JSON.parse(`[${body.slice(start, end)}]`);
    return Array.isArray(events) ? events : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the text of a history file into events, or explains why it cannot.
 *
 * @example readHistoryText('[{"EventId":1,"EventType":"ExecutionStarted","Id":"x"}]').ok // true
 */
export function readHistoryText(text: string): HistoryFileResult {
  // Editors on Windows like to start files with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, message: "The file is empty.", details: [SHAPES] };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const found = findJsonSyntaxError(body);
    if (!found) return { ok: false, message: "The file is not valid JSON.", details: [] };
    const where = `line ${found.line}, column ${found.column} (position ${found.position})`;
    const error: HistoryFileError = {
      ok: false,
      message: `The file is not valid JSON: ${found.reason} at ${where}.`,
      // The excerpt with a caret under the mistake, for a monospace box.
      details: [`${found.excerpt}\n${" ".repeat(found.excerptColumn)}^`],
    };
    // What comes before the mistake can still be shown, as for a file with some unreadable events.
    const before = eventsBefore(body, found.position);
    const { events, problems } = parseHistory(before ?? []);
    if (before && events.length > 0) {
      const cut = `history: the file stops being JSON at ${where}; only the ${events.length} events before that point could be read`;
      error.readable = { events, problems: [cut, ...problems], unread: 0 };
    }
    return error;
  }

  const raw = eventList(json);
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 0) return { ok: false, message: "The history has no events.", details: [SHAPES] };

  const { events, problems } = parseHistory(raw);
  const unread = raw.length - events.length;
  if (events.length === 0) {
    return { ok: false, message: `None of the ${raw.length} events could be read.`, details: capped(problems) };
  }
  const first = events[0]!;
  if (first.EventType !== "ExecutionStarted") {
    problems.push(`the history begins with ${first.EventType} (event ${first.EventId}), not ExecutionStarted: its start may be missing`);
  }
  if (unread > 0) {
    return {
      ok: false,
      message: `${unread} of ${raw.length} events could not be read.`,
      details: capped(problems),
      readable: { events, problems, unread },
    };
  }
  return { ok: true, events, problems };
}
