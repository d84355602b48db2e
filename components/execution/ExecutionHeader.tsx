"use client";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { CopyButton } from "@/components/ui/CopyButton";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { ErrorDetails } from "./ErrorDetails";
import type { ExecutionFacts } from "./execution-facts";
import { InvokedBy } from "./InvokedBy";
import { JsonPayload } from "./JsonPayload";

/**
 * Name, status, ARN, timing, input and outcome of an execution.
 *
 * @example <ExecutionHeader execution={executionFacts(summary, root)} source="live" />
 */
export function ExecutionHeader({ execution, source = "live" }: { execution: ExecutionFacts; source?: "live" | "file" }) {
  const running = execution.running;
  const now = useNow(running);
  return (
    <section className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4" data-testid="execution-header">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold tracking-tight">{execution.name}</h1>
        <span data-testid="execution-status">
          <StatusBadge status={execution.status} />
        </span>
        {source === "file" ? (
          <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600" data-testid="execution-source">
            opened from a file
          </span>
        ) : null}
      </div>
      {execution.waitingReason ? (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" data-testid="execution-waiting-reason">
          {execution.waitingReason}
        </p>
      ) : null}
      {execution.arn ? (
        <div className="flex min-w-0 items-center gap-2">
          <code className="min-w-0 truncate rounded bg-zinc-100 px-2 py-1 text-xs text-zinc-700" title={execution.arn} data-testid="execution-arn">
            {execution.arn}
          </code>
          <CopyButton value={execution.arn} label="Copy ARN" />
        </div>
      ) : null}
      {execution.arn && source === "live" ? <InvokedBy arn={execution.arn} /> : null}
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-zinc-500">Started</dt>
          <dd className="font-mono text-xs">{formatTimestamp(execution.startedAt, true)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Ended</dt>
          <dd className="font-mono text-xs">{formatTimestamp(execution.endedAt, true)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Duration</dt>
          <dd className="font-mono text-xs">
            {formatDuration(durationBetween(execution.startedAt, execution.endedAt, running ? now : undefined))}
            {running ? <span className="ml-1 text-sky-700">(running)</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Version</dt>
          <dd className="font-mono text-xs">{execution.version ?? "—"}</dd>
        </div>
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Input</h2>
          <JsonPayload payload={execution.input} testId="execution-input" />
        </div>
        <div className="min-w-0 space-y-1">
          {execution.error ? (
            <>
              <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Error</h2>
              <ErrorDetails error={execution.error} />
            </>
          ) : (
            <>
              <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Result</h2>
              <JsonPayload payload={execution.result} empty={running ? "(not finished yet)" : "(no result)"} testId="execution-result" />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
