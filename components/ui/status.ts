/**
 * Colours and words for execution and operation statuses, in one place so badges, graph nodes
 * and the minimap agree.
 */
import type { ExecutionStatus } from "@durable-lens/sdk/protocol";
import type { OperationViewStatus } from "@durable-lens/sdk/history";

export type AnyStatus = ExecutionStatus | OperationViewStatus;

export interface StatusStyle {
  /** Badge classes (background, text, ring). */
  badge: string;
  /** Left accent border of a graph node. */
  accent: string;
  /** Solid colour for the minimap. */
  hex: string;
  label: string;
}

const STYLES: Record<AnyStatus | "ABANDONED", StatusStyle> = {
  RUNNING: { badge: "bg-sky-50 text-sky-800 ring-sky-600/30", accent: "border-l-sky-500", hex: "#0ea5e9", label: "RUNNING" },
  STARTED: { badge: "bg-sky-50 text-sky-800 ring-sky-600/30", accent: "border-l-sky-500", hex: "#0ea5e9", label: "STARTED" },
  PENDING: { badge: "bg-amber-50 text-amber-800 ring-amber-600/30", accent: "border-l-amber-500", hex: "#f59e0b", label: "PENDING" },
  SUCCEEDED: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/30", accent: "border-l-emerald-500", hex: "#10b981", label: "SUCCEEDED" },
  FAILED: { badge: "bg-red-50 text-red-800 ring-red-600/30", accent: "border-l-red-500", hex: "#ef4444", label: "FAILED" },
  TIMED_OUT: { badge: "bg-orange-50 text-orange-800 ring-orange-600/30", accent: "border-l-orange-500", hex: "#f97316", label: "TIMED_OUT" },
  STOPPED: { badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/30", accent: "border-l-zinc-400", hex: "#a1a1aa", label: "STOPPED" },
  CANCELLED: { badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/30", accent: "border-l-zinc-400", hex: "#a1a1aa", label: "CANCELLED" },
  // Not a status the service writes: an operation still open when its execution ended (see operation-standing.ts).
  ABANDONED: { badge: "bg-white text-zinc-600 ring-zinc-400/60", accent: "border-l-zinc-400", hex: "#71717a", label: "ABANDONED" },
};

const UNKNOWN: StatusStyle = { badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/30", accent: "border-l-zinc-300", hex: "#d4d4d8", label: "UNKNOWN" };

/**
 * The style of a status; unknown statuses (from a newer service) get a neutral look.
 *
 * @example statusStyle("FAILED").hex // "#ef4444"
 */
export function statusStyle(status: string): StatusStyle {
  return (STYLES as Record<string, StatusStyle | undefined>)[status] ?? { ...UNKNOWN, label: status };
}
