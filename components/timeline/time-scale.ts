/**
 * Maps times onto the timeline's width and picks readable axis ticks (1, 2 or 5 × 10ⁿ ms apart).
 */

export interface TimeScale {
  start: number;
  end: number;
  /** Position of a time as a fraction of the width, 0..1 (clamped). */
  at: (time: number) => number;
}

/**
 * A linear scale over [start, end]; an empty range gets 1 ms so nothing divides by zero.
 *
 * @example timeScale(0, 1000).at(250) // 0.25
 */
export function timeScale(start: number, end: number): TimeScale {
  const span = Math.max(1, end - start);
  return { start, end: start + span, at: (time) => Math.min(1, Math.max(0, (time - start) / span)) };
}

/**
 * A step between ticks that gives about `target` ticks over `spanMs`.
 *
 * @example tickStep(10_000, 8) // 2000
 */
export function tickStep(spanMs: number, target = 8): number {
  const raw = Math.max(1, spanMs) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

/**
 * Tick offsets from the start (ms), including 0, every `tickStep` up to the span.
 *
 * @example ticks(10_000, 5) // [0, 2000, 4000, 6000, 8000, 10000]
 */
export function ticks(spanMs: number, target = 8): number[] {
  const step = tickStep(spanMs, target);
  const out: number[] = [];
  // Bounded so a pathological span cannot produce a huge array.
  for (let t = 0; t <= spanMs && out.length < 200; t += step) out.push(t);
  return out;
}

/**
 * A tick label relative to the start: "+0", "+250 ms", "+1.5 s", "+2 min", "+1 h 30 min".
 *
 * @example offsetLabel(90_000) // "+1 min 30 s"
 */
export function offsetLabel(ms: number): string {
  if (ms === 0) return "+0";
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${Number((ms / 1000).toFixed(2))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return seconds ? `+${minutes} min ${seconds} s` : `+${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `+${hours} h ${rest} min` : `+${hours} h`;
  return `+${Math.floor(hours / 24)} d ${hours % 24} h`;
}
