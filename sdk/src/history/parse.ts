/**
 * Reads a history from untrusted input (an API response, a file a user dropped in) into typed
 * events. Nothing here throws: what cannot be used is skipped and reported, so one bad event
 * never hides the rest of an execution.
 */
import { EventType, parseTimestamp, type ErrorObject, type Event, type EventDetailsByType } from "../protocol/index.js";

/** The events that could be read, in EventId order, and one message per thing that could not. */
export interface ParsedHistory {
  events: Event[];
  problems: string[];
}

type Json = Record<string, unknown>;

const EVENT_TYPES = new Set<string>(Object.values(EventType));
const STRING_MEMBERS = ["Id", "Name", "ParentId", "SubType"] as const;

/** How a member of an `<EventType>Details` object is checked; members not listed pass through untouched. */
type DetailCheck = "string" | "number" | "boolean" | "timestamp" | "payload" | "error" | "retry";
const DETAIL_MEMBERS: Readonly<Record<string, DetailCheck>> = {
  Input: "payload",
  Result: "payload",
  Error: "error",
  RetryDetails: "retry",
  Duration: "number",
  ExecutionTimeout: "number",
  Timeout: "number",
  HeartbeatTimeout: "number",
  ScheduledEndTimestamp: "timestamp",
  StartTimestamp: "timestamp",
  EndTimestamp: "timestamp",
  CallbackId: "string",
  RequestId: "string",
  FunctionName: "string",
  TenantId: "string",
  ExecutedVersion: "string",
  DurableExecutionArn: "string",
};

/** The members of T that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * The required members of every details type, spelled out as `{ member: true }` so the compiler
 * flags this table when a details type gains or loses a required member.
 */
const REQUIRED_DETAILS: { readonly [K in EventType]: { readonly [M in RequiredKeys<EventDetailsByType[K]>]: true } } = {
  ExecutionStarted: { Input: true, ExecutionTimeout: true },
  ExecutionSucceeded: { Result: true },
  ExecutionFailed: { Error: true },
  ExecutionTimedOut: {},
  ExecutionStopped: { Error: true },
  ContextStarted: {},
  ContextSucceeded: { Result: true },
  ContextFailed: { Error: true },
  WaitStarted: { Duration: true, ScheduledEndTimestamp: true },
  WaitSucceeded: {},
  WaitCancelled: {},
  StepStarted: {},
  StepSucceeded: { Result: true, RetryDetails: true },
  StepFailed: { Error: true, RetryDetails: true },
  ChainedInvokeStarted: { FunctionName: true },
  ChainedInvokeSucceeded: { Result: true },
  ChainedInvokeFailed: { Error: true },
  ChainedInvokeTimedOut: { Error: true },
  ChainedInvokeStopped: { Error: true },
  CallbackStarted: { CallbackId: true },
  CallbackSucceeded: { Result: true },
  CallbackFailed: { Error: true },
  CallbackTimedOut: { Error: true },
  InvocationCompleted: { StartTimestamp: true, EndTimestamp: true, RequestId: true },
};

/** Wrapper members whose absence means "no payload", so an empty wrapper loses nothing. */
const EMPTY_WHEN_MISSING = new Set(["Input", "Result", "Error", "RetryDetails"]);
/**
 * Required by Lambda's model but left out by some recorders (every history in
 * ../shared/fixtures does), and nothing shown depends on it: absent, it is simply unknown.
 */
const UNKNOWN_WHEN_MISSING = new Set(["ExecutionTimeout"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return String(value);
}

/** Picks the event list out of the accepted top-level shapes. */
function eventList(input: unknown, problems: string[]): unknown[] {
  if (Array.isArray(input)) return input;
  if (isObject(input) && Array.isArray(input.Events)) return input.Events;
  if (isObject(input) && "Events" in input) {
    problems.push(`history: "Events" must be an array, got ${describe(input.Events)}`);
  } else {
    problems.push(`history: expected an array of events or an object with an "Events" array, got ${describe(input)}`);
  }
  return [];
}

/** A timestamp, or undefined; numbers past the range of Date (1e308 seconds) give an Invalid Date, which no view can print. */
function readTimestamp(value: unknown): Date | undefined {
  const t = parseTimestamp(value);
  return t && !Number.isNaN(t.getTime()) ? t : undefined;
}

function readEventId(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : undefined;
}

function readErrorObject(value: unknown, where: string, problems: string[]): ErrorObject | undefined {
  // Some recorders write a bare message; keeping it as the message loses nothing.
  if (typeof value === "string") return { ErrorMessage: value };
  if (!isObject(value)) {
    problems.push(`${where} must be an object, got ${describe(value)}`);
    return undefined;
  }
  const out: ErrorObject = {};
  for (const key of ["ErrorMessage", "ErrorType", "ErrorData"] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v === "string") out[key] = v;
    else problems.push(`${where}.${key} must be a string, got ${describe(v)}`);
  }
  const trace = value.StackTrace;
  if (trace !== undefined) {
    if (Array.isArray(trace) && trace.every((l) => typeof l === "string")) out.StackTrace = trace;
    else problems.push(`${where}.StackTrace must be a list of strings`);
  }
  return out;
}

function readDetail(check: DetailCheck, value: unknown, where: string, problems: string[]): unknown {
  const wrongType = (expected: string) => {
    problems.push(`${where} must be ${expected}, got ${describe(value)}`);
    return undefined;
  };
  switch (check) {
    case "string":
      return typeof value === "string" ? value : wrongType("a string");
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : wrongType("a number");
    case "boolean":
      return typeof value === "boolean" ? value : wrongType("a boolean");
    case "timestamp":
      return readTimestamp(value) ?? wrongType("a timestamp");
    case "payload": {
      if (!isObject(value)) return wrongType("an object");
      const out: { Payload?: string; Truncated?: boolean } = {};
      if (value.Payload !== undefined) {
        const p = readDetail("string", value.Payload, `${where}.Payload`, problems);
        if (typeof p === "string") out.Payload = p;
      }
      if (value.Truncated !== undefined) {
        const t = readDetail("boolean", value.Truncated, `${where}.Truncated`, problems);
        if (typeof t === "boolean") out.Truncated = t;
      }
      return out;
    }
    case "error": {
      if (!isObject(value)) return wrongType("an object");
      const out: { Payload?: ErrorObject; Truncated?: boolean } = {};
      if (value.Payload !== undefined) {
        const p = readErrorObject(value.Payload, `${where}.Payload`, problems);
        if (p) out.Payload = p;
      }
      if (value.Truncated !== undefined) {
        const t = readDetail("boolean", value.Truncated, `${where}.Truncated`, problems);
        if (typeof t === "boolean") out.Truncated = t;
      }
      return out;
    }
    case "retry": {
      if (!isObject(value)) return wrongType("an object");
      const out: { CurrentAttempt?: number; NextAttemptDelaySeconds?: number } = {};
      for (const key of ["CurrentAttempt", "NextAttemptDelaySeconds"] as const) {
        if (value[key] === undefined) continue;
        const n = readDetail("number", value[key], `${where}.${key}`, problems);
        if (typeof n === "number") out[key] = n;
      }
      return out;
    }
  }
}

/**
 * Deeper than any member a service writes, and far short of where JSON.stringify and
 * structuredClone overflow the stack (about 10,000 levels; JSON.parse has no limit).
 */
const MAX_UNCHECKED_DEPTH = 100;

/** Whether `value` nests objects or arrays more than `max` levels deep; iterative, so any depth is safe. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function readDetails(value: unknown, where: string, problems: string[]): Json | undefined {
  if (!isObject(value)) {
    problems.push(`${where} must be an object, got ${describe(value)}`);
    return undefined;
  }
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    const check = DETAIL_MEMBERS[key];
    // Members this version does not know are kept as they are: newer services may add some. Not
    // absurdly deep ones, though: the event inspector prints events as JSON, the simulator clones them.
    if (!check && nestedDeeperThan(v, MAX_UNCHECKED_DEPTH)) {
      problems.push(`${where}.${key} is nested more than ${MAX_UNCHECKED_DEPTH} levels deep; left out`);
      continue;
    }
    const read = check ? readDetail(check, v, `${where}.${key}`, problems) : v;
    if (read !== undefined) out[key] = read;
  }
  return out;
}

/** Reads one raw event, or returns undefined (after reporting why) when it cannot be used. */
function readEvent(raw: unknown, index: number, problems: string[]): Event | undefined {
  if (!isObject(raw)) {
    problems.push(`event at index ${index} is not an object (got ${describe(raw)})`);
    return undefined;
  }
  if (raw.EventId === undefined || raw.EventId === null) {
    problems.push(`event at index ${index} has no EventId`);
    return undefined;
  }
  const eventId = readEventId(raw.EventId);
  if (eventId === undefined) {
    problems.push(`event at index ${index} has an invalid EventId ${describe(raw.EventId)} (expected an integer ≥ 1)`);
    return undefined;
  }
  const label = `event ${eventId}`;
  const type = raw.EventType;
  if (type === undefined || type === null) {
    problems.push(`${label}: no EventType`);
    return undefined;
  }
  if (typeof type !== "string" || !EVENT_TYPES.has(type)) {
    problems.push(`${label}: unknown EventType ${describe(type)}`);
    return undefined;
  }
  const eventType = type as EventType;
  const event: Event = { EventType: eventType, EventId: eventId };

  for (const key of STRING_MEMBERS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === "string" && v !== "") event[key] = v;
    else problems.push(`${label}: ${key} must be a non-empty string, got ${describe(v)}`);
  }
  if (eventType !== "InvocationCompleted" && event.Id === undefined) {
    problems.push(`${label}: ${eventType} has no Id, so it belongs to no operation`);
    return undefined;
  }

  if (raw.EventTimestamp !== undefined && raw.EventTimestamp !== null) {
    const ts = readTimestamp(raw.EventTimestamp);
    if (ts) event.EventTimestamp = ts;
    else problems.push(`${label}: EventTimestamp ${describe(raw.EventTimestamp)} is not a timestamp`);
  }

  const detailsKey = `${eventType}Details` as const;
  const rawDetails = raw[detailsKey];
  const missing = (member: string) => !EMPTY_WHEN_MISSING.has(member) && !UNKNOWN_WHEN_MISSING.has(member);
  if (rawDetails !== undefined && rawDetails !== null) {
    const details = readDetails(rawDetails, `${label}: ${detailsKey}`, problems);
    if (details) {
      for (const member of Object.keys(REQUIRED_DETAILS[eventType])) {
        if (details[member] !== undefined) continue;
        if (EMPTY_WHEN_MISSING.has(member)) details[member] = {};
        else if (missing(member)) problems.push(`${label}: ${detailsKey}.${member} is missing`);
      }
    }
    // The details member's type is keyed by EventType, which TypeScript cannot follow through a template key.
    if (details) (event as Record<string, unknown>)[detailsKey] = details;
  } else {
    // No details at all lacks the same members as details without them, and says so alike.
    for (const member of Object.keys(REQUIRED_DETAILS[eventType]).filter(missing)) problems.push(`${label}: ${detailsKey}.${member} is missing`);
  }
  return event;
}

/** Clean reads of raw event objects, so a raw object seen before is not read again. */
type ReadCache = WeakMap<object, Event>;

function parseWith(input: unknown, cache: ReadCache | undefined): ParsedHistory {
  const problems: string[] = [];
  const byId = new Map<number, Event>();
  eventList(input, problems).forEach((raw, index) => {
    let event = cache && typeof raw === "object" && raw !== null ? cache.get(raw) : undefined;
    if (!event) {
      const before = problems.length;
      event = readEvent(raw, index, problems);
      // Only events read without a problem are kept: problem messages name positions, which move.
      if (event && cache && problems.length === before && typeof raw === "object" && raw !== null) cache.set(raw, event);
    }
    if (!event) return;
    const id = event.EventId!;
    if (byId.has(id)) {
      problems.push(`event at index ${index}: duplicate EventId ${id}, kept the first one`);
      return;
    }
    byId.set(id, event);
  });
  const events = [...byId.values()].sort((a, b) => a.EventId! - b.EventId!);
  return { events, problems };
}

/**
 * Reads a history (an array of events, or `{ Events: [...] }`) from untrusted input, never throwing.
 * Timestamps may be `Date`s, ISO strings or epoch seconds. Events come back sorted by EventId.
 *
 * @example parseHistory(JSON.parse(text)).events.length
 */
export function parseHistory(input: unknown): ParsedHistory {
  return parseWith(input, undefined);
}

/**
 * A {@link parseHistory} that remembers the raw event objects it has read: given a history again
 * with the same objects for the old events (as a polling client that shares unchanged data hands
 * it over), it reads only the new ones and returns the very same Event objects for the rest, so
 * whatever is keyed on them can be kept too.
 *
 * @example const parse = createHistoryParser(); parse(poll1.events); parse(poll2.events);
 */
export function createHistoryParser(): (input: unknown) => ParsedHistory {
  const cache: ReadCache = new WeakMap();
  return (input) => parseWith(input, cache);
}
