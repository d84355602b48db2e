"use client";
import type { ExecutionDiffSummary, PayloadDiff } from "@durable-lens/sdk/history";
import type { ReactNode } from "react";
import { formatDuration } from "@/lib/format";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { KIND_STYLE, formatDeltaCount, formatDeltaMs } from "./diff-format";
import { PayloadDiffView } from "./PayloadDiffView";

function Row({ label, left, right, difference, testId }: { label: string; left: ReactNode; right: ReactNode; difference: ReactNode; testId: string }) {
  return (
    <tr data-testid={testId} className="align-top">
      <th scope="row" className="py-1.5 pr-3 text-left text-xs font-medium text-zinc-500">
        {label}
      </th>
      <td className="py-1.5 pr-3 font-mono text-xs" data-testid="summary-left">
        {left}
      </td>
      <td className="py-1.5 pr-3 font-mono text-xs" data-testid="summary-right">
        {right}
      </td>
      <td className="py-1.5 text-xs" data-testid="summary-difference">
        {difference}
      </td>
    </tr>
  );
}

function Same() {
  return <span className="text-zinc-400">same</span>;
}

function Differs({ children }: { children: ReactNode }) {
  return <span className="font-medium text-amber-800">{children}</span>;
}

/** A payload row: whether it differs, and the JSON diff below the table when it does. */
function PayloadRow({ diff, label }: { diff: PayloadDiff; label: string }) {
  const has = (present: boolean) => (present ? <span className="text-zinc-700">present</span> : <span className="text-zinc-400">(none)</span>);
  const n = diff.changes.length + diff.omitted;
  return (
    <Row
      label={label}
      testId={`summary-${diff.field}`}
      left={has(diff.left !== undefined)}
      right={has(diff.right !== undefined)}
      difference={n === 0 ? <Same /> : <Differs>{n === 1 ? "1 change" : `${n} changes`}</Differs>}
    />
  );
}

/**
 * The executions as wholes: status, duration, invocations, input, result and error, and how many
 * operations each kind of difference touched.
 *
 * @example <DiffSummary summary={diff.summary} leftLabel="yesterday" rightLabel="today" />
 */
export function DiffSummary({ summary, leftLabel, rightLabel }: { summary: ExecutionDiffSummary; leftLabel: string; rightLabel: string }) {
  const { status, durationMs, invocations, counts } = summary;
  const payloads = [
    { diff: summary.input, label: "Input" },
    { diff: summary.result, label: "Result" },
    { diff: summary.error, label: "Error" },
  ].filter(({ diff }) => diff.left !== undefined || diff.right !== undefined);
  const changedPayloads = payloads.filter(({ diff }) => diff.changes.length > 0);
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4" data-testid="diff-summary" data-changed={summary.changed}>
      <p className="text-sm" data-testid="diff-verdict">
        {summary.changed ? (
          <span className="font-medium text-amber-800">The executions differ.</span>
        ) : (
          <span className="font-medium text-emerald-800">No differences besides timing.</span>
        )}{" "}
        {(["added", "removed", "changed", "unchanged"] as const).map((kind) => (
          <span key={kind} data-testid={`count-${kind}`} className={`ml-1 rounded-md px-1.5 py-0.5 text-xs ring-1 ring-inset ${KIND_STYLE[kind].badge}`}>
            {counts[kind]} {KIND_STYLE[kind].label}
          </span>
        ))}
      </p>
      <div className="overflow-x-auto">
        <table className="min-w-full">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="w-28 py-1 pr-3 font-medium" />
              <th className="py-1 pr-3 font-medium" data-testid="label-left">
                {leftLabel}
              </th>
              <th className="py-1 pr-3 font-medium" data-testid="label-right">
                {rightLabel}
              </th>
              <th className="py-1 font-medium">Difference</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            <Row
              label="Status"
              testId="summary-status"
              left={status.left ? <StatusBadge status={status.left} /> : "—"}
              right={status.right ? <StatusBadge status={status.right} /> : "—"}
              difference={status.left === status.right ? <Same /> : <Differs>changed</Differs>}
            />
            <Row
              label="Duration"
              testId="summary-duration"
              left={formatDuration(durationMs.left)}
              right={formatDuration(durationMs.right)}
              difference={<span className="font-mono text-zinc-600">{formatDeltaMs(durationMs.delta)}</span>}
            />
            <Row
              label="Invocations"
              testId="summary-invocations"
              left={invocations.left}
              right={invocations.right}
              difference={invocations.delta === 0 ? <Same /> : <Differs>{formatDeltaCount(invocations.delta)}</Differs>}
            />
            {payloads.map(({ diff, label }) => (
              <PayloadRow key={diff.field} diff={diff} label={label} />
            ))}
          </tbody>
        </table>
      </div>
      {changedPayloads.length > 0 ? (
        <div className="space-y-4 border-t border-zinc-100 pt-3">
          {changedPayloads.map(({ diff }) => (
            <PayloadDiffView key={diff.field} diff={diff} leftLabel={leftLabel} rightLabel={rightLabel} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
