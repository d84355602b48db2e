/**
 * Words and colours of a code check, in one place so the summary line and the table rows say
 * the same thing the same way. Pure: no React, no worker.
 */
import type { CheckResult } from "@/components/simulator/worker-protocol";

export type Verdict = CheckResult["verdict"];

/** Badge text and classes per verdict, and for a row that was not part of the check. */
export const VERDICT_STYLE: Readonly<Record<Verdict | "unchecked", { label: string; badge: string }>> = {
  consistent: { label: "consistent", badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/30" },
  diverged: { label: "diverged", badge: "bg-red-50 text-red-800 ring-red-600/30" },
  crashed: { label: "code threw", badge: "bg-rose-100 text-rose-900 ring-rose-700/40" },
  error: { label: "error", badge: "bg-amber-50 text-amber-800 ring-amber-600/30" },
  unchecked: { label: "not checked", badge: "bg-zinc-100 text-zinc-600 ring-zinc-500/30" },
};

/** How a check went over all its executions. */
export interface CheckSummary {
  total: number;
  consistent: number;
  diverged: number;
  /** Executions where the code threw: exceptions to fix, not divergences. */
  crashed: number;
  errors: number;
  /** True when every execution checked is consistent (and there was at least one). */
  passed: boolean;
  /** "k of n consistent", with the divergences and errors counted when there are any. */
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Counts the verdicts of a check.
 *
 * @example summarizeCheck([{ arn: "a", verdict: "consistent", checkpoints: 2, stoppedAt: "idle" }]).text // "1 of 1 consistent"
 */
export function summarizeCheck(results: readonly Pick<CheckResult, "verdict">[]): CheckSummary {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const consistent = count("consistent");
  const diverged = count("diverged");
  const crashed = count("crashed");
  const errors = count("error");
  const extra = [diverged > 0 && `${diverged} diverged`, crashed > 0 && `the code threw in ${crashed}`, errors > 0 && plural(errors, "error", "errors")].filter(Boolean).join(", ");
  return {
    total: results.length,
    consistent,
    diverged,
    crashed,
    errors,
    passed: results.length > 0 && consistent === results.length,
    text: `${consistent} of ${results.length} consistent${extra ? ` (${extra})` : ""}`,
  };
}

/**
 * Where the replay of a run stopped, for people; a consistent run may stop short of the end
 * because a running execution's record stops where it waits now.
 *
 * @example stoppedAtText("idle") // "where the execution waits now"
 */
export function stoppedAtText(stoppedAt: CheckResult["stoppedAt"]): string {
  switch (stoppedAt) {
    case "idle":
      return "where the execution waits now";
    case "outcome-needed":
      return "the end of the record (the code asks for an outcome nobody recorded yet)";
    case "ended":
      return "the execution's end";
    case "diverged":
      return "the divergence";
    case "crashed":
      return "the exception the code threw";
    case "error":
      return "an error";
    case "checkpoint":
      return "the checkpoint limit (the code kept checkpointing)";
  }
}

// Shared with the simulator, which shows a divergence the same way.
export { divergenceKindText, shapeRows, type ShapeRow } from "@/components/simulator/divergence-rows";
