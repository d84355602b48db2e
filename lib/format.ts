/**
 * Formatting of times, durations and payloads for display. Pure and locale-independent, so the
 * same value always reads the same way.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A duration in the largest sensible units: "850 ms", "3.2 s", "4 min 5 s", "2 h 3 min", "7 d 1 h".
 *
 * @example formatDuration(65_000) // "1 min 5 s"
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.floor(seconds)} s`;
  const totalSeconds = Math.floor(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${totalSeconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/**
 * Milliseconds between two timestamps (ISO strings or Dates); without an end, up to `now`.
 *
 * @example durationBetween("2026-01-01T00:00:00Z", "2026-01-01T00:00:02Z") // 2000
 */
export function durationBetween(start: string | Date | undefined, end: string | Date | undefined, now?: number): number | undefined {
  const s = toDate(start)?.getTime();
  if (s === undefined) return undefined;
  const e = toDate(end)?.getTime() ?? now;
  return e === undefined ? undefined : Math.max(0, e - s);
}

function toDate(value: string | Date | undefined): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A timestamp in local time as "YYYY-MM-DD HH:MM:SS.mmm" (milliseconds only when asked).
 *
 * @example formatTimestamp("2026-01-01T00:00:00Z") // "2026-01-01 00:00:00" in UTC
 */
export function formatTimestamp(value: string | Date | undefined, withMs = false): string {
  const d = toDate(value);
  if (!d) return "—";
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return withMs ? `${base}.${pad(d.getMilliseconds(), 3)}` : base;
}

/**
 * A payload for reading: JSON is re-indented, anything else is returned as it is.
 *
 * @example prettyPayload('{"a":1}') // "{\n  \"a\": 1\n}"
 */
export function prettyPayload(payload: string): string {
  const trimmed = payload.trim();
  if (trimmed === "" || !/^[[{"\d\-tfn]/.test(trimmed)) return payload;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return payload;
  }
}

/**
 * A size in bytes for people, in binary units as Lambda states its limits: "512 B", "1.5 KB",
 * "256 KB" (= 262,144 bytes), "12.4 MB".
 *
 * @example formatBytes(1536) // "1.5 KB"
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal only where it says something: "1.5 KB", but "256 KB" and "2 GB".
  const text = value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, "");
  return `${text} ${units[unit]}`;
}
