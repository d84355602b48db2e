/** A what-if's answer and the recorded outcome it replaced, in words. Pure. */
import type { AppliedWhatIf, Outcome } from "@durable-lens/sdk/replay";

/**
 * How a what-if answered an attempt.
 *
 * @example whatIfOutcomeText({ kind: "fail", error: { ErrorType: "Declined", ErrorMessage: "no funds" } }) // "failed with Declined: no funds"
 */
export function whatIfOutcomeText(outcome: Outcome): string {
  if (outcome.kind === "succeed") return outcome.payload === undefined ? "succeeded with no value" : `succeeded with ${outcome.payload}`;
  const { ErrorType, ErrorMessage } = outcome.error;
  return `failed with ${[ErrorType ?? "Error", ErrorMessage].filter(Boolean).join(": ")}`;
}

/**
 * How the record says the attempt turned out.
 *
 * @example recordedOutcomeText({ status: "SUCCEEDED", result: '"ok"' }) // 'succeeded with "ok"'
 */
export function recordedOutcomeText(recorded: AppliedWhatIf["recorded"]): string {
  if (!recorded) return "no such attempt";
  if (recorded.status === "SUCCEEDED") return whatIfOutcomeText({ kind: "succeed", ...(recorded.result !== undefined && { payload: recorded.result }) });
  if (recorded.status === "FAILED" || recorded.status === "PENDING") return whatIfOutcomeText({ kind: "fail", error: recorded.error ?? {} });
  return "never finished";
}
