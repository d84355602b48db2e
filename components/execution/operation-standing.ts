/**
 * How an operation stands, in words every view shares (graph node, inspector, timeline, events,
 * time travel), so no view calls work "running" that the execution left behind when it ended.
 */
import { operationDurationMs, type OperationView } from "@durable-lens/sdk/history";
import { formatDuration, formatTimestamp } from "@/lib/format";

/** `abandoned`: still open when the execution ended (see `OperationView.abandoned`). */
export type StandingKind = "done" | "running" | "waiting" | "retry-scheduled" | "abandoned";

export interface OperationStanding {
  kind: StandingKind;
  /** The status word for badges and labels: the recorded status, or ABANDONED. */
  label: string;
  /** One line: how long it took, what it waits for, or why it never finished. */
  summary: string;
}

/** The status word of an operation its execution left open. */
export const ABANDONED = "ABANDONED";

/**
 * Why work left open never finished: the retry that never ran, or the execution's end.
 *
 * @example abandonedText({ executionStatus: "SUCCEEDED", retryNeverRan: 2 }) // "the execution ended before retry 2"
 */
export function abandonedText(abandoned: NonNullable<OperationView["abandoned"]>): string {
  if (abandoned.retryNeverRan !== undefined) return `the execution ended before retry ${abandoned.retryNeverRan}`;
  const at = abandoned.executionEndedAt;
  return `never finished: the execution ended${at ? ` at ${formatTimestamp(at)}` : ""}`;
}

/**
 * How an operation stands, as of the events it was projected from.
 *
 * @example operationStanding(op).summary // "never finished: the execution ended at 2026-01-01 00:00:31"
 */
export function operationStanding(op: OperationView): OperationStanding {
  if (op.abandoned) return { kind: "abandoned", label: ABANDONED, summary: abandonedText(op.abandoned) };
  if (op.status === "PENDING") return { kind: "retry-scheduled", label: op.status, summary: "retry scheduled" };
  if (op.status === "STARTED") {
    if (op.type === "WAIT" && op.wait?.scheduledEndAt) return { kind: "waiting", label: op.status, summary: `until ${formatTimestamp(op.wait.scheduledEndAt)}` };
    if (op.type === "CALLBACK") return { kind: "waiting", label: op.status, summary: "waiting for callback" };
    return { kind: "running", label: op.status, summary: "running" };
  }
  return { kind: "done", label: op.status, summary: formatDuration(operationDurationMs(op)) };
}
