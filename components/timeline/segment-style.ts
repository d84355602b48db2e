/**
 * How each kind of timeline bar looks: solid status colours for attempts and spans, hatching for
 * back-off gaps, a dashed outline for what never finished.
 */
import type { TimelineSegment } from "@durable-lens/sdk/history";
import type { CSSProperties } from "react";
import { statusStyle } from "@/components/ui/status";

const KIND_COLOURS: Readonly<Record<string, string>> = {
  wait: "#8b5cf6",
  callback: "#6366f1",
  invoke: "#14b8a6",
};

/**
 * Inline style (colour, hatching, outline) of a bar.
 *
 * @example segmentStyle({ kind: "backoff", start: 0, status: "SCHEDULED" }).backgroundImage
 */
export function segmentStyle(s: TimelineSegment): CSSProperties {
  if (s.cutOff) return { background: "transparent", border: "1px dashed #a1a1aa" };
  if (s.kind === "backoff") {
    return {
      backgroundImage: "repeating-linear-gradient(135deg, rgba(245,158,11,0.55) 0 3px, rgba(245,158,11,0.12) 3px 7px)",
      border: "1px solid rgba(245,158,11,0.6)",
    };
  }
  const finished = s.status === "SUCCEEDED" || s.status === "FAILED" || s.status === "TIMED_OUT" || s.status === "STOPPED" || s.status === "CANCELLED";
  // Waits, callbacks and invokes keep their own colour while running and take the outcome's colour once done.
  const colour = !finished && KIND_COLOURS[s.kind] ? KIND_COLOURS[s.kind]! : statusStyle(s.status).hex;
  if (s.kind === "run") return { background: colour, opacity: 0.35 };
  return { background: colour };
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  run: "ran",
  attempt: "attempt",
  backoff: "back-off",
  wait: "wait",
  callback: "waiting for callback",
  invoke: "invoke",
};

/**
 * The tooltip of a bar: what it is, its status and how long. A bar cut off by the execution's end
 * says why instead of a status (`ending`: the operation's own words for it, see operationStanding).
 *
 * @example segmentTitle(seg, "3.2 s") // "attempt 2 · FAILED · 3.2 s"
 */
export function segmentTitle(s: TimelineSegment, duration: string, ending = "never finished: the execution ended first"): string {
  const what = s.kind === "attempt" && s.attempt ? `attempt ${s.attempt}` : s.kind === "backoff" && s.attempt ? `back-off after attempt ${s.attempt}` : KIND_WORDS[s.kind];
  if (s.cutOff) return `${what} · ${ending} · ${duration}`;
  const status = s.kind === "backoff" ? (s.end === undefined ? "retry scheduled" : "retried") : s.status;
  return `${what} · ${status} · ${duration}${s.end === undefined ? " · still going" : ""}`;
}
