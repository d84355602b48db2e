/**
 * Words and colours of an execution diff, in one place so the summary, the rows and the payload
 * panels say the same thing the same way.
 */
import type { DiffKind, FieldChange, JsonValue, OperationField, PayloadComparison } from "@durable-lens/sdk/history";
import { formatDuration } from "@/lib/format";

/** Badge text and classes per kind (only palettes the dark theme turns around). */
export const KIND_STYLE: Readonly<Record<DiffKind, { label: string; badge: string; marker: string }>> = {
  added: { label: "added", badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/30", marker: "+" },
  removed: { label: "removed", badge: "bg-red-50 text-red-800 ring-red-600/30", marker: "−" },
  changed: { label: "changed", badge: "bg-amber-50 text-amber-800 ring-amber-600/30", marker: "~" },
  unchanged: { label: "unchanged", badge: "bg-zinc-100 text-zinc-600 ring-zinc-500/30", marker: " " },
};

const FIELD_WORDS: Readonly<Record<OperationField, string>> = {
  type: "type",
  subType: "subtype",
  name: "name",
  parent: "parent",
  status: "status",
  attempts: "attempts",
  attemptOutcomes: "attempt outcomes",
};

/**
 * A signed duration: "+1.2 s", "−850 ms", "±0 ms"; "—" when unknown.
 *
 * @example formatDeltaMs(-850) // "−850 ms"
 */
export function formatDeltaMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms === 0) return "±0 ms";
  return `${ms > 0 ? "+" : "−"}${formatDuration(Math.abs(ms))}`;
}

/**
 * A signed count: "+2", "−1", "±0".
 *
 * @example formatDeltaCount(2) // "+2"
 */
export function formatDeltaCount(n: number | undefined): string {
  if (n === undefined) return "—";
  return n === 0 ? "±0" : `${n > 0 ? "+" : "−"}${Math.abs(n)}`;
}

/**
 * A member change for people: "name: validate → check-order", "attempts: 1 → 3"; a side without a
 * value reads "(none)".
 *
 * @example formatFieldChange({ field: "status", left: "SUCCEEDED", right: "FAILED" }) // "status: SUCCEEDED → FAILED"
 */
export function formatFieldChange(change: FieldChange): string {
  const side = (v: string | number | undefined) => (v === undefined ? "(none)" : String(v));
  return `${FIELD_WORDS[change.field]}: ${side(change.left)} → ${side(change.right)}`;
}

/** Longest value shown in a list of changes; the full payloads sit beside it. */
const MAX_VALUE_CHARS = 300;

/**
 * One side of a change as text: JSON as JSON (so a string keeps its quotes), text as it is;
 * long values are cut with an ellipsis.
 *
 * @example formatChangeValue("a", "json") // '"a"'
 */
export function formatChangeValue(value: JsonValue | undefined, mode: PayloadComparison["mode"]): string {
  if (value === undefined) return "";
  const text = mode === "text" && typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
