/**
 * JSON codecs for the wire shapes in `./types.ts`.
 *
 * The same structures travel in three timestamp dialects: API bodies use epoch seconds
 * (an ISO string there breaks `@aws-sdk/client-lambda`), the invocation event Lambda hands a
 * function uses epoch milliseconds, and histories saved by tools use ISO strings. Every
 * timestamp member has a name ending in `Timestamp` (or is a list filter), so the codecs key on names.
 */

const TIMESTAMP_KEYS = new Set([
  "StartTimestamp",
  "EndTimestamp",
  "NextAttemptTimestamp",
  "ScheduledEndTimestamp",
  "EventTimestamp",
  "StopTimestamp",
  "StartedAfter",
  "StartedBefore",
]);

/** True when `key` names a timestamp member anywhere in the durable API. */
export function isTimestampKey(key: string): boolean {
  return TIMESTAMP_KEYS.has(key);
}

function mapDeep(value: unknown, leaf: (key: string, v: unknown) => unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, leaf, key));
  if (value instanceof Date) return leaf(key, value);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = isTimestampKey(k) ? leaf(k, v) : mapDeep(v, leaf, k);
    }
    return out;
  }
  return value;
}

/**
 * Converts `Date` members to epoch seconds (millisecond precision) for an API response body.
 *
 * @example JSON.stringify(toWireJson({ StartTimestamp: new Date(1767225600123) })) // {"StartTimestamp":1767225600.123}
 */
export function toWireJson<T>(value: T): unknown {
  return mapDeep(value, (_k, v) => (v instanceof Date ? v.getTime() / 1000 : v));
}

/**
 * Converts `Date` members to epoch milliseconds, the form Lambda uses in the invocation event.
 *
 * @example toEventJson({ StartTimestamp: new Date(5) }) // { StartTimestamp: 5 }
 */
export function toEventJson<T>(value: T): unknown {
  return mapDeep(value, (_k, v) => (v instanceof Date ? v.getTime() : v));
}

/** How bare numbers in timestamp members are read by {@link reviveTimestamps}. */
export type NumericTimestampUnit = "seconds" | "milliseconds";

/**
 * Parses one timestamp value in any dialect. Returns undefined when it is not a timestamp.
 *
 * @example parseTimestamp("2026-01-01T00:00:00Z")?.getTime() // 1767225600000
 */
export function parseTimestamp(value: unknown, unit: NumericTimestampUnit = "seconds"): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return new Date(Math.round(unit === "seconds" ? value * 1000 : value));
  }
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    if (Number.isFinite(n)) return parseTimestamp(n, unit);
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : new Date(ms);
  }
  return undefined;
}

/**
 * Returns a deep copy of `value` whose timestamp members are `Date`s. Values that cannot be
 * read as a time are dropped, so callers see "absent" rather than an Invalid Date.
 *
 * @example reviveTimestamps({ EventTimestamp: "2026-01-01T00:00:00Z" }).EventTimestamp instanceof Date // true
 */
export function reviveTimestamps<T = unknown>(value: unknown, unit: NumericTimestampUnit = "seconds"): T {
  return mapDeep(value, (_k, v) => parseTimestamp(v, unit)) as T;
}
