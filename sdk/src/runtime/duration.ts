/** A length of time, in the official SDK's shape. */
export type Duration =
  | { days: number; hours?: number; minutes?: number; seconds?: number }
  | { hours: number; minutes?: number; seconds?: number }
  | { minutes: number; seconds?: number }
  | { seconds: number };

/**
 * Seconds in a duration: a plain sum, unvalidated, as the official SDK does.
 *
 * @example durationToSeconds({ minutes: 1, seconds: 5 }) // 65
 */
export function durationToSeconds(d: Duration): number {
  const p = d as { days?: number; hours?: number; minutes?: number; seconds?: number };
  return (p.days ?? 0) * 86400 + (p.hours ?? 0) * 3600 + (p.minutes ?? 0) * 60 + (p.seconds ?? 0);
}
