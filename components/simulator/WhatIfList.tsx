"use client";
import type { AppliedWhatIf } from "@durable-lens/sdk/replay";
import { recordedOutcomeText, whatIfOutcomeText } from "./what-if-text";

/**
 * The step attempts a what-if answered in this run, each beside what the record says the
 * attempt did: the trace of the what-if in the result and the comparison with the recording.
 *
 * @example <WhatIfList whatIfs={snapshot.whatIfs} />
 */
export function WhatIfList({ whatIfs }: { whatIfs: readonly AppliedWhatIf[] }) {
  if (whatIfs.length === 0) return null;
  return (
    <section className="space-y-1 rounded-md border border-violet-200 bg-violet-50/60 p-2" data-testid="what-ifs">
      <h4 className="text-xs font-semibold text-violet-900">What-ifs in this run</h4>
      <ul className="space-y-1 text-xs">
        {whatIfs.map((w) => (
          <li key={`${w.operationId}#${w.attempt}`} data-testid="what-if-applied" data-op-id={w.operationId} data-outcome={w.outcome.kind} className="break-words">
            <span className="font-mono font-medium">{w.name ?? w.operationId}</span> attempt {w.attempt}:{" "}
            <span className={w.outcome.kind === "fail" ? "text-red-800" : "text-emerald-800"}>{whatIfOutcomeText(w.outcome)}</span>
            <span className="text-zinc-600"> · recorded: {recordedOutcomeText(w.recorded)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
