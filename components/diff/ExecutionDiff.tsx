"use client";
import { diffExecutions } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/EmptyState";
import { DiffProblems } from "./DiffProblems";
import { DiffSummary } from "./DiffSummary";
import { visibleRows, type DiffFilter } from "./diff-filter";
import { OperationDiffRow } from "./OperationDiffRow";

const FILTERS: ReadonlyArray<{ id: DiffFilter; label: string }> = [
  { id: "changed", label: "Changed only" },
  { id: "all", label: "All operations" },
];

/**
 * Two executions compared: a summary, then every operation of either aligned by Id in program
 * order with what changed, payload changes side by side and timing deltas. Takes plain event
 * arrays, so a recorded run, a file and a simulation compare alike.
 *
 * @example <ExecutionDiff left={yesterday} right={today} leftLabel="order-1001" rightLabel="order-1002" />
 */
export function ExecutionDiff({ left, right, leftLabel, rightLabel }: { left: readonly Event[]; right: readonly Event[]; leftLabel: string; rightLabel: string }) {
  const diff = useMemo(() => diffExecutions(left, right), [left, right]);
  const [filter, setFilter] = useState<DiffFilter>("changed");
  const rows = useMemo(() => visibleRows(diff.operations, filter), [diff, filter]);
  return (
    <div className="space-y-4" data-testid="execution-diff">
      <DiffSummary summary={diff.summary} leftLabel={leftLabel} rightLabel={rightLabel} />
      <DiffProblems label={leftLabel} problems={diff.problems.left} />
      <DiffProblems label={rightLabel} problems={diff.problems.right} />
      <section className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-sm font-semibold">Operations</h2>
          <div role="radiogroup" aria-label="Which operations" className="inline-flex rounded-md border border-zinc-300 text-xs" data-testid="diff-filter">
            {FILTERS.map((f) => (
              <button
                key={f.id}
                type="button"
                role="radio"
                aria-checked={filter === f.id}
                onClick={() => setFilter(f.id)}
                className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md ${filter === f.id ? "bg-zinc-800 text-white" : "bg-white text-zinc-700 hover:bg-zinc-100"}`}
              >
                {f.label}
              </button>
            ))}
          </div>
        </div>
        {rows.length === 0 ? (
          <EmptyState title={diff.operations.length === 0 ? "Neither execution has operations." : "No operation changed."}>
            {diff.operations.length === 0 ? null : <p>Timings may still differ: choose “All operations” to see them.</p>}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100" data-testid="diff-operations">
            {rows.map(({ operation, context }) => (
              <OperationDiffRow key={operation.id} operation={operation} context={context} leftLabel={leftLabel} rightLabel={rightLabel} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
