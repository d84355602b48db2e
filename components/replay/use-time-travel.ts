"use client";
import { pointIndexAt, stepReplay, type ReplayPoint, type ReplayPoints, type ReplayUnit } from "@durable-lens/sdk/history";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkspaceChange } from "@/components/execution/workspace-url";

/** Events per second at each play speed. */
export const PLAY_SPEEDS = [2, 8, 32] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/**
 * How long the address bar trails the scrubber: dragging or playing would otherwise rewrite it
 * dozens of times a second, which browsers throttle (and Next.js re-renders on every write).
 */
const URL_WRITE_DELAY_MS = 200;

export interface TimeTravel {
  replay: ReplayPoints;
  /** Index into `replay.points` of the point shown; undefined for the latest view. */
  index: number | undefined;
  point: ReplayPoint | undefined;
  playing: boolean;
  speed: PlaySpeed;
  /** Shows the execution as of the point at `index`. */
  seek: (index: number) => void;
  step: (unit: ReplayUnit, direction: 1 | -1) => void;
  togglePlay: () => void;
  setSpeed: (speed: PlaySpeed) => void;
  /** Back to the latest view. */
  leave: () => void;
}

/**
 * The scrubber's state: which past point the page shows, kept in `?at=` (an EventId) so a link or
 * a reload comes back to it, and playback. Entering and leaving time travel are steps of the
 * browser's history (Back returns to where the user was); moving while travelling replaces the
 * entry, a moment after the last move.
 *
 * @example const travel = useTimeTravel(buildReplayPoints(events), url.at, change);
 */
export function useTimeTravel(
  replay: ReplayPoints,
  urlAt: number | undefined,
  change: (c: WorkspaceChange, mode: "push" | "replace") => void,
): TimeTravel {
  const [at, setAt] = useState(urlAt);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaySpeed>(PLAY_SPEEDS[0]);
  // Our writes to the address bar whose echo has not come back yet, oldest first: a `?at=` among
  // them is ours arriving late (on a busy machine, after newer moves were written), anything else
  // comes from elsewhere (back/forward, a link). Keeping every one, not only the last, is what stops
  // a late echo of an earlier write from sending the scrubber back.
  const unechoed = useRef<(number | undefined)[]>([urlAt]);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The point for handlers called between renders (held keys, the play timer); set wherever `at` is.
  const atRef = useRef(at);

  useEffect(() => {
    const echo = unechoed.current.indexOf(urlAt);
    if (echo >= 0) {
      unechoed.current.splice(0, echo + 1);
      return;
    }
    unechoed.current = [];
    clearTimeout(pending.current);
    atRef.current = urlAt;
    setAt(urlAt);
    if (urlAt === undefined) setPlaying(false);
  }, [urlAt]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const go = useCallback(
    (next: number | undefined) => {
      const entering = atRef.current === undefined || next === undefined;
      atRef.current = next;
      setAt(next);
      clearTimeout(pending.current);
      const write = (mode: "push" | "replace") => {
        unechoed.current.push(next);
        change({ at: next }, mode);
      };
      if (entering) write("push");
      else pending.current = setTimeout(() => write("replace"), URL_WRITE_DELAY_MS);
    },
    [change],
  );

  const indexOf = useCallback((eventId: number | undefined) => {
    if (eventId === undefined) return undefined;
    const i = pointIndexAt(replay, eventId);
    return i < 0 ? undefined : i;
  }, [replay]);

  const seek = useCallback((index: number) => {
    const point = replay.points[index];
    if (point) go(point.eventId);
  }, [replay, go]);

  const step = useCallback((unit: ReplayUnit, direction: 1 | -1) => {
    // The latest view shows the last point: back goes to the one before, forward nowhere.
    const from = indexOf(atRef.current) ?? replay.points.length - 1;
    const to = stepReplay(replay, from, unit, direction);
    if (to !== undefined) seek(to);
  }, [indexOf, replay, seek]);

  const togglePlay = useCallback(() => {
    if (playing) {
      setPlaying(false);
      return;
    }
    const current = indexOf(atRef.current);
    // From the latest view, or from the end, playing starts over.
    if (current === undefined || current >= replay.points.length - 1) seek(0);
    setPlaying(replay.points.length > 1);
  }, [playing, indexOf, replay, seek]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const current = indexOf(atRef.current);
      const next = current === undefined ? undefined : stepReplay(replay, current, "event", 1);
      if (next === undefined) setPlaying(false);
      else seek(next);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed, indexOf, replay, seek]);

  const leave = useCallback(() => {
    setPlaying(false);
    if (atRef.current !== undefined) go(undefined);
  }, [go]);

  const index = indexOf(at);
  return { replay, index, point: index === undefined ? undefined : replay.points[index], playing, speed, seek, step, togglePlay, setSpeed, leave };
}
