// Mutated history files, generated from a recorded one: for every field of an event, values of
// every wrong type and the field left out; events out of order, duplicated, of unknown types or
// no objects at all; operation ids reused by another type; huge payloads and deep nesting. Each
// case says which events must still come back whole and what problem must be named. Shared by
// the fuzz tests of the sdk's parser and of the app's file loader.
import type { Event } from "../protocol/index.js";
import { buildGraphModel, buildReplayPoints, buildTimeline, describeEvents, eventsAsOf, measureHistory, pointIndexAt, projectHistory, stepReplay, timelineAsOf } from "./index.js";
import { pick, type Random } from "../local/fuzz.test-support.js";

type Json = Record<string, unknown>;

/** A mutated history and what reading it must give. */
export interface HistoryCase {
  label: string;
  /** The raw history: an array of events, or an object holding one. */
  input: unknown;
  /** EventIds that must come back exactly as the unmutated fixture's. */
  intact: readonly number[];
  /** EventIds that must come back, changed or not (the mutated event, when it stays readable). */
  kept: readonly number[];
  /** A problem (of parsing or projecting) must match; undefined when the mutation needs no report. */
  names?: RegExp;
  /** A payload that must come back whole: the event, and the payload's length. */
  payload?: { eventId: number; length: number };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const clone = <T>(v: T): T => structuredClone(v);

/** What a field of an event holds, for choosing values of the wrong type. */
type Kind = "eventId" | "string" | "envelopeString" | "timestamp" | "number" | "boolean" | "object" | "errorPayload" | "stringList";

/** Values of the wrong type for each kind (and, for numbers that mean dates, values out of range). */
const WRONG: Record<Kind, readonly unknown[]> = {
  eventId: ["abc", true, [], {}, 1.5, 0, -1, null],
  string: [5, true, [], {}],
  /** The envelope's strings (Id, Name, ParentId, SubType) must also not be empty. */
  envelopeString: [5, true, [], {}, ""],
  timestamp: ["soon", true, [], {}, "", 1e308, -1e20, "275760-09-14T00:00:00Z"],
  number: ["5", true, [], {}],
  boolean: ["true", 1, [], {}],
  object: ["x", 5, true, []],
  errorPayload: [5, true, []],
  stringList: ["at f", 5, [5], [null]],
};

/** The kind of each details member the parser checks, by name (as the parser's own table has them). */
const DETAIL_KINDS: Record<string, Kind> = {
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
  Input: "object",
  Result: "object",
  Error: "object",
  RetryDetails: "object",
};

/** Members of the wrappers inside details. */
const NESTED_KINDS: Record<string, Record<string, Kind>> = {
  Input: { Payload: "string", Truncated: "boolean" },
  Result: { Payload: "string", Truncated: "boolean" },
  Error: { Payload: "errorPayload", Truncated: "boolean" },
  RetryDetails: { CurrentAttempt: "number", NextAttemptDelaySeconds: "number" },
};
const ERROR_OBJECT_KINDS: Record<string, Kind> = { ErrorMessage: "string", ErrorType: "string", ErrorData: "string", StackTrace: "stringList" };

/** Details members that Lambda requires and whose absence the parser must report (the rest mean "empty" or "unknown"). */
const REPORTED_WHEN_MISSING: Record<string, readonly string[]> = {
  WaitStarted: ["Duration", "ScheduledEndTimestamp"],
  ChainedInvokeStarted: ["FunctionName"],
  CallbackStarted: ["CallbackId"],
  InvocationCompleted: ["StartTimestamp", "EndTimestamp", "RequestId"],
};

/** Every checked path inside one event's details, with its kind. */
function detailPaths(details: Json): { path: string[]; kind: Kind }[] {
  const out: { path: string[]; kind: Kind }[] = [];
  for (const [key, value] of Object.entries(details)) {
    const kind = DETAIL_KINDS[key];
    if (!kind) continue;
    out.push({ path: [key], kind });
    const nested = NESTED_KINDS[key];
    if (!nested || typeof value !== "object" || value === null) continue;
    for (const [member, memberKind] of Object.entries(nested)) {
      const v = (value as Json)[member];
      if (v === undefined) continue;
      out.push({ path: [key, member], kind: memberKind });
      if (key === "Error" && member === "Payload" && typeof v === "object" && v !== null) {
        for (const [m, k] of Object.entries(ERROR_OBJECT_KINDS)) if ((v as Json)[m] !== undefined) out.push({ path: [key, member, m], kind: k });
      }
    }
  }
  return out;
}

function setPath(obj: Json, path: readonly string[], value: unknown): void {
  let node = obj;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  if (value === undefined) delete node[path[path.length - 1]!];
  else node[path[path.length - 1]!] = value;
}

const idOf = (e: unknown) => (e as Json).EventId as number;
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 30) ?? String(v);

/**
 * The systematic cases of one fixture: for the first event of each type, every field with every
 * wrong-typed value and left out; then the cases about the history as a whole.
 */
export function historyCases(fixture: string, raw: readonly Json[], rnd: Random): HistoryCase[] {
  const ids = raw.map(idOf);
  const others = (id: number) => ids.filter((x) => x !== id);
  const cases: HistoryCase[] = [];
  // Only the mutated event is copied: the parser never writes to its input, and some fixtures are megabytes.
  const replace = (index: number, change: (e: Json) => void): Json[] => {
    const events = [...raw];
    events[index] = clone(raw[index]!);
    change(events[index]!);
    return events;
  };
  const seen = new Set<unknown>();
  raw.forEach((event, index) => {
    if (seen.has(event.EventType)) return;
    seen.add(event.EventType);
    const id = idOf(event);
    const type = String(event.EventType);
    const at = `${fixture} #${id} ${type}`;
    const label = `event ${id}`;

    for (const v of WRONG.eventId) {
      const names = v === null ? new RegExp(`event at index ${index} has no EventId`) : new RegExp(`event at index ${index} has an invalid EventId`);
      cases.push({ label: `${at} EventId = ${show(v)}`, input: replace(index, (e) => (e.EventId = v)), intact: others(id), kept: [], names });
    }
    cases.push({ label: `${at} EventId dropped`, input: replace(index, (e) => delete e.EventId), intact: others(id), kept: [], names: new RegExp(`event at index ${index} has no EventId`) });
    for (const v of [5, true, [], {}, "StepExploded", "eventStarted", "__proto__", "toString"]) {
      cases.push({ label: `${at} EventType = ${show(v)}`, input: replace(index, (e) => (e.EventType = v)), intact: others(id), kept: [], names: new RegExp(`${label}: unknown EventType`) });
    }
    cases.push({ label: `${at} EventType dropped`, input: replace(index, (e) => delete e.EventType), intact: others(id), kept: [], names: new RegExp(`${label}: no EventType`) });

    for (const key of ["Id", "Name", "ParentId", "SubType"] as const) {
      // Id is what ties an event to its operation: without a usable one the event is unreadable.
      const losesEvent = key === "Id" && type !== "InvocationCompleted";
      for (const v of WRONG.envelopeString) {
        cases.push({
          label: `${at} ${key} = ${show(v)}`,
          input: replace(index, (e) => (e[key] = v)),
          intact: others(id),
          kept: losesEvent ? [] : [id],
          names: new RegExp(`${label}: ${key} must be a non-empty string`),
        });
      }
      if (losesEvent) cases.push({ label: `${at} Id dropped`, input: replace(index, (e) => delete e.Id), intact: others(id), kept: [], names: new RegExp(`${label}: ${type} has no Id`) });
    }
    for (const v of WRONG.timestamp) {
      cases.push({ label: `${at} EventTimestamp = ${show(v)}`, input: replace(index, (e) => (e.EventTimestamp = v)), intact: others(id), kept: [id], names: new RegExp(`${label}: EventTimestamp .* is not a timestamp`) });
    }

    const detailsKey = `${type}Details`;
    const details = event[detailsKey] as Json | undefined;
    for (const v of WRONG.object) {
      cases.push({ label: `${at} ${detailsKey} = ${show(v)}`, input: replace(index, (e) => (e[detailsKey] = v)), intact: others(id), kept: [id], names: new RegExp(`${label}: ${detailsKey} must be an object`) });
    }
    const reported = REPORTED_WHEN_MISSING[type] ?? [];
    if (reported.length > 0) {
      cases.push({
        label: `${at} ${detailsKey} dropped`,
        input: replace(index, (e) => delete e[detailsKey]),
        intact: others(id),
        kept: [id],
        names: new RegExp(`${label}: ${detailsKey}\\.(${reported.join("|")}) is missing`),
      });
    }
    if (!details || typeof details !== "object") return;
    for (const { path, kind } of detailPaths(details)) {
      const where = `${detailsKey}.${path.join(".")}`;
      for (const v of WRONG[kind]) {
        cases.push({
          label: `${at} ${where} = ${show(v)}`,
          input: replace(index, (e) => setPath(e[detailsKey] as Json, path, v)),
          intact: others(id),
          kept: [id],
          names: new RegExp(`${label}: ${escape(where)} must be`),
        });
      }
      if (path.length === 1 && reported.includes(path[0]!)) {
        cases.push({
          label: `${at} ${where} dropped`,
          input: replace(index, (e) => setPath(e[detailsKey] as Json, path, undefined)),
          intact: others(id),
          kept: [id],
          names: new RegExp(`${label}: ${escape(where)} is missing`),
        });
      }
    }
  });
  return [...cases, ...wholeHistoryCases(fixture, raw, rnd)];
}

const DEEP = 20_000;

/** A JSON object nested `depth` deep: `{"a":{"a":…}}`. */
export function deepObject(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** The cases about the history as a whole: order, duplicates, conflicting types, non-events, size. */
function wholeHistoryCases(fixture: string, raw: readonly Json[], rnd: Random): HistoryCase[] {
  const ids = raw.map(idOf);
  const next = Math.max(...ids) + 1;
  const cases: HistoryCase[] = [];
  const shuffled = clone(raw) as Json[];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  // Sorting by EventId recovers the order; nothing is lost, so nothing needs saying.
  cases.push({ label: `${fixture} shuffled`, input: shuffled, intact: ids, kept: [] });
  cases.push({ label: `${fixture} reversed`, input: [...clone(raw)].reverse(), intact: ids, kept: [] });
  cases.push({ label: `${fixture} as { Events }`, input: { Events: clone(raw), NextMarker: null }, intact: ids, kept: [] });

  const victim = raw[Math.floor(rnd() * raw.length)]!;
  const copy = { ...clone(pick(rnd, raw)), EventId: victim.EventId };
  cases.push({ label: `${fixture} EventId ${idOf(victim)} twice`, input: [...clone(raw), copy], intact: ids, kept: [], names: new RegExp(`duplicate EventId ${idOf(victim)}, kept the first one`) });

  const op = raw.find((e) => typeof e.Id === "string" && e.EventType !== "ExecutionStarted" && String(e.EventType).endsWith("Started"));
  if (op) {
    const type = String(op.EventType);
    const other = type === "WaitStarted" ? "StepStarted" : "WaitStarted";
    const clash = { EventId: next, EventType: other, Id: op.Id, EventTimestamp: "2030-01-01T00:00:00Z", ...(other === "WaitStarted" && { WaitStartedDetails: { Duration: 1, ScheduledEndTimestamp: "2030-01-01T00:00:01Z" } }) };
    cases.push({
      label: `${fixture} operation ${String(op.Id)} reused by a ${other}`,
      input: [...clone(raw), clash],
      intact: ids,
      kept: [next],
      names: new RegExp(`event ${next}: operation ${escape(String(op.Id))} is a \\w+, but this is a ${other} event`),
    });
  }

  for (const junk of [5, "event", null, true, [], [clone(raw[0])], deepObject(1)]) {
    const at = Math.floor(rnd() * (raw.length + 1));
    const input = [...clone(raw)];
    input.splice(at, 0, junk as Json);
    const isObject = typeof junk === "object" && junk !== null && !Array.isArray(junk);
    cases.push({
      label: `${fixture} ${show(junk)} at index ${at}`,
      input,
      intact: ids,
      kept: [],
      names: isObject ? new RegExp(`event at index ${at} has no EventId`) : new RegExp(`event at index ${at} is not an object`),
    });
  }
  cases.push({
    label: `${fixture} an unknown event type appended`,
    input: [...clone(raw), { EventId: next, EventType: "StepExploded", Id: "x", EventTimestamp: "2030-01-01T00:00:00Z" }],
    intact: ids,
    kept: [],
    names: new RegExp(`event ${next}: unknown EventType "StepExploded"`),
  });
  for (const shape of ["text", 5, null, { Events: "nope" }, { events: [] }]) {
    cases.push({ label: `${fixture} history = ${show(shape)}`, input: shape, intact: [], kept: [], names: /^history: / });
  }

  // A 10 MB payload in the first event that has a payload wrapper, and deep nesting where a payload goes and where nothing is checked.
  const withPayload = raw.findIndex((e) => Object.values(e).some((d) => typeof d === "object" && d !== null && ("Input" in d || "Result" in d)));
  if (withPayload >= 0) {
    const id = idOf(raw[withPayload]);
    const big = clone(raw) as Json[];
    const details = Object.values(big[withPayload]!).find((d) => typeof d === "object" && d !== null && ("Input" in d || "Result" in d)) as Json;
    const wrapper = ("Input" in details ? "Input" : "Result") as string;
    details[wrapper] = { Payload: "x".repeat(10 * 1024 * 1024), Truncated: false };
    cases.push({ label: `${fixture} a 10 MB ${wrapper} in event ${id}`, input: big, intact: ids.filter((x) => x !== id), kept: [id], payload: { eventId: id, length: 10 * 1024 * 1024 } });
    const deep = clone(raw) as Json[];
    const deepDetails = Object.values(deep[withPayload]!).find((d) => typeof d === "object" && d !== null && ("Input" in d || "Result" in d)) as Json;
    // Deeper than JSON.stringify and structuredClone can go (JSON.parse has no such limit).
    deepDetails[wrapper] = { Payload: deepObject(DEEP) };
    cases.push({ label: `${fixture} a payload ${DEEP} deep in event ${id}`, input: deep, intact: ids.filter((x) => x !== id), kept: [id], names: new RegExp(`event ${id}: .*${wrapper}\\.Payload must be a string`) });
    const unchecked = [...raw];
    unchecked[withPayload] = { ...raw[withPayload]! };
    const key = Object.keys(unchecked[withPayload]!).find((k) => k.endsWith("Details"))!;
    unchecked[withPayload]![key] = { ...(raw[withPayload]![key] as Json), Unchecked: deepObject(DEEP) };
    cases.push({ label: `${fixture} an unknown member ${DEEP} deep in event ${id}`, input: unchecked, intact: ids.filter((x) => x !== id), kept: [id], names: new RegExp(`event ${id}: ${key}\\.Unchecked is nested more than \\d+ levels deep`) });
  }
  return cases;
}

/**
 * `count` random mutations of a fixture: a random field of a random event set to a random value
 * of any type, or removed, or events duplicated, dropped or moved. What a random mutation must
 * give back cannot be said in general; only that reading never throws, keeps every event it did
 * not touch, and explains itself when it loses one.
 */
export function randomHistoryCases(fixture: string, raw: readonly Json[], rnd: Random, count: number): HistoryCase[] {
  const ids = raw.map(idOf);
  const values: unknown[] = [null, 0, -1, 1.5, 1e308, "", "x", "2026-01-01T00:00:00Z", true, [], [1], {}, { Payload: 5 }, deepObject(50)];
  const cases: HistoryCase[] = [];
  for (let n = 0; n < count; n++) {
    // As in historyCases, only the event that changes is copied.
    const events = [...raw];
    const index = Math.floor(rnd() * events.length);
    const event = clone(raw[index]!);
    events[index] = event;
    const id = idOf(event);
    const touched = new Set<number>([id]);
    let what: string;
    const kind = Math.floor(rnd() * 4);
    if (kind <= 1) {
      // A field at any depth: walk down through objects at random.
      let node: Json = event;
      const path: string[] = [];
      for (;;) {
        const key = pick(rnd, Object.keys(node));
        path.push(key);
        const child = node[key];
        if (typeof child === "object" && child !== null && !Array.isArray(child) && Object.keys(child).length > 0 && rnd() < 0.6) node = child as Json;
        else break;
      }
      const value = kind === 0 ? pick(rnd, values) : undefined;
      setPath(event, path, value);
      what = `${path.join(".")} ${kind === 0 ? `= ${show(value)}` : "removed"}`;
    } else if (kind === 2) {
      const from = pick(rnd, events);
      events.splice(Math.floor(rnd() * events.length), 0, clone(from));
      touched.add(idOf(from));
      what = `event ${idOf(from)} duplicated`;
    } else {
      const [moved] = events.splice(index, 1);
      events.splice(Math.floor(rnd() * (events.length + 1)), 0, moved!);
      what = "moved";
    }
    cases.push({ label: `${fixture} random #${n}: event ${id} ${what}`, input: events, intact: ids.filter((x) => !touched.has(x)), kept: [] });
  }
  return cases;
}

/**
 * Runs every projection the UI runs on a history, as the execution page and time travel do,
 * and returns the projection's problems. Throws only if a projection does.
 */
export function projectAll(events: readonly Event[]): string[] {
  // The event inspector prints events as JSON; the simulator posts them to its worker.
  JSON.stringify(events);
  structuredClone(events);
  const projection = projectHistory(events);
  buildGraphModel(projection.operations);
  const timeline = buildTimeline(projection);
  describeEvents(events);
  measureHistory(events, projection.operations);
  const replay = buildReplayPoints(events, projection);
  // Time travel to the first, a middle and the last point, and a step of each unit both ways from each.
  const last = replay.points.length - 1;
  for (const index of last < 0 ? [] : new Set([0, Math.floor(last / 2), last])) {
    const point = replay.points[index]!;
    const asOf = eventsAsOf(events, point.eventId);
    const then = projectHistory(asOf);
    buildGraphModel(then.operations);
    timelineAsOf(buildTimeline(then), point.time?.getTime() ?? 0);
    timelineAsOf(timeline, point.time?.getTime() ?? 0);
    pointIndexAt(replay, point.eventId);
    for (const unit of ["event", "checkpoint", "invocation"] as const) {
      stepReplay(replay, index, unit, 1);
      stepReplay(replay, index, unit, -1);
    }
  }
  return projection.problems;
}
