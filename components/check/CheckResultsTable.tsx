"use client";
import Link from "next/link";
import type { Divergence } from "@durable-lens/sdk/replay";
import type { ExecutionSummary } from "@/lib/api-types";
import { formatTimestamp } from "@/lib/format";
import { executionPath } from "@/lib/segments";
import type { CheckResult } from "@/components/simulator/worker-protocol";
import { DivergenceTable } from "@/components/simulator/DivergenceView";
import { CrashView } from "@/components/simulator/CrashView";
import { VERDICT_STYLE, divergenceKindText, stoppedAtText, type Verdict } from "./check-format";
import type { RunNotes } from "./use-code-check";

/**
 * A pill with a check's verdict on one execution.
 *
 * @example <VerdictBadge verdict="diverged" />
 */
export function VerdictBadge({ verdict }: { verdict: Verdict | "unchecked" }) {
  const style = VERDICT_STYLE[verdict];
  return (
    <span data-testid="check-verdict" className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.badge}`}>
      {style.label}
    </span>
  );
}

/** The divergent operation as the history recorded it and as the code asked for it. */
function DivergenceDetails({ divergence }: { divergence: Divergence }) {
  return (
    <div className="space-y-1.5" data-testid="check-divergence" data-kind={divergence.kind} data-operation-id={divergence.operationId}>
      <p className="text-xs text-zinc-600">
        Operation <code className="font-mono text-zinc-900">{divergence.operationId}</code> · {divergenceKindText(divergence.kind)}
      </p>
      <DivergenceTable divergence={divergence} />
      <p className="break-words text-sm text-zinc-800" data-testid="check-message">
        {divergence.message}
      </p>
    </div>
  );
}

function ResultDetails({ result, notes }: { result: CheckResult; notes?: RunNotes }) {
  const remarks = [
    notes && notes.status !== "RUNNING" && `Now ${notes.status}: it finished after it was listed, and was checked to its end.`,
    notes?.truncated && "Its history is longer than the server reads at once: only the first part was checked.",
    notes && notes.problems.length > 0 && `${notes.problems.length} of its events could not be read and were left out.`,
  ].filter((r): r is string => typeof r === "string");
  return (
    <div className="space-y-1">
      {result.verdict === "diverged" && result.divergence ? (
        <DivergenceDetails divergence={result.divergence} />
      ) : result.verdict === "crashed" && result.crash ? (
        <CrashView error={result.crash} />
      ) : result.verdict === "error" ? (
        <p className="whitespace-pre-wrap break-words text-sm text-amber-900" data-testid="check-message">
          {result.message ?? "The replay failed without a message."}
        </p>
      ) : (
        <p className="text-xs text-zinc-600">Replayed up to {stoppedAtText(result.stoppedAt)}.</p>
      )}
      {remarks.map((r) => (
        <p key={r} className="text-xs text-amber-800" data-testid="check-remark">
          {r}
        </p>
      ))}
    </div>
  );
}

/**
 * The executions of a check, each with its verdict, the checkpoints replayed, and what went
 * wrong where something did; rows not part of a check say so.
 *
 * @example <CheckResultsTable executions={list} results={byArn} notes={outcome.notes} />
 */
export function CheckResultsTable({
  executions,
  results,
  notes,
}: {
  executions: readonly ExecutionSummary[];
  results?: ReadonlyMap<string, CheckResult>;
  notes?: ReadonlyMap<string, RunNotes>;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className="w-full text-sm" data-testid="check-table">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th className="px-3 py-2 font-medium">Execution</th>
            <th className="px-3 py-2 font-medium">Verdict</th>
            <th className="px-3 py-2 text-right font-medium">Checkpoints replayed</th>
            <th className="px-3 py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {executions.map((e) => {
            const result = results?.get(e.arn);
            return (
              <tr key={e.arn} className="align-top" data-testid="check-row" data-name={e.name} data-verdict={result?.verdict ?? "unchecked"}>
                <td className="px-3 py-2">
                  <Link href={executionPath(e.arn)} className="font-mono font-medium text-sky-800 hover:underline" data-testid="check-execution-link">
                    {e.name}
                  </Link>
                  <p className="font-mono text-xs text-zinc-500">started {formatTimestamp(e.startedAt)}</p>
                </td>
                <td className="px-3 py-2">
                  <VerdictBadge verdict={result?.verdict ?? "unchecked"} />
                </td>
                <td className="px-3 py-2 text-right font-mono tabular-nums" data-testid="check-checkpoints">
                  {result ? result.checkpoints : "—"}
                </td>
                <td className="px-3 py-2">{result ? <ResultDetails result={result} notes={notes?.get(e.arn)} /> : <span className="text-xs text-zinc-400">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
