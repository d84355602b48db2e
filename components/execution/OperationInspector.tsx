"use client";
import { operationDurationMs, operationLabel, type AttemptView, type OperationView } from "@durable-lens/sdk/history";
import type { ReactNode } from "react";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { ErrorObjectView } from "@/components/ui/ErrorObjectView";
import { PayloadView } from "@/components/ui/PayloadView";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { operationKindLabel } from "@/components/graph/operation-style";
import { TypeIcon } from "@/components/graph/TypeIcon";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all font-mono text-zinc-800">{children}</dd>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      {children}
    </section>
  );
}

function Attempt({ attempt }: { attempt: AttemptView }) {
  return (
    <li className="space-y-1.5 rounded-md border border-zinc-200 p-2.5" data-testid="attempt">
      <div className="flex items-center justify-between text-xs">
        <span className="font-semibold text-zinc-800">
          Attempt {attempt.number}
          {attempt.reportedAttempt !== undefined && attempt.reportedAttempt !== attempt.number ? (
            <span className="ml-1 font-normal text-zinc-400">(service says {attempt.reportedAttempt})</span>
          ) : null}
        </span>
        <StatusBadge status={attempt.status} />
      </div>
      <p className="font-mono text-[11px] text-zinc-500">
        {formatTimestamp(attempt.startedAt, true)} · {formatDuration(durationBetween(attempt.startedAt, attempt.endedAt))}
      </p>
      {attempt.error ? <ErrorObjectView error={attempt.error} /> : null}
      {attempt.nextAttemptDelaySeconds !== undefined ? (
        <p className="text-xs text-amber-800">Retry scheduled after {formatDuration(attempt.nextAttemptDelaySeconds * 1000)}</p>
      ) : null}
    </li>
  );
}

/** Everything the history says about one operation. */
export function OperationInspector({ operation: op, onClose }: { operation: OperationView; onClose: () => void }) {
  const running = op.status === "STARTED" || op.status === "PENDING";
  return (
    <aside className="space-y-5 rounded-lg border border-zinc-200 bg-white p-4 text-sm" data-testid="inspector" aria-label="Operation details">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex items-center gap-1 text-[11px] font-medium uppercase tracking-wide text-zinc-500">
            <TypeIcon type={op.type} />
            {operationKindLabel(op.type, op.subType)}
          </p>
          <h2 className="truncate font-mono text-base font-semibold" data-testid="inspector-name">
            {operationLabel(op)}
          </h2>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <StatusBadge status={op.status} />
          <button type="button" onClick={onClose} className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100" aria-label="Close details">
            ×
          </button>
        </div>
      </div>

      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-xs">
        <Fact label="Id">{op.id}</Fact>
        {op.parentId ? <Fact label="Parent">{op.parentId}</Fact> : null}
        <Fact label="Type">{op.subType ? `${op.type} / ${op.subType}` : op.type}</Fact>
        <Fact label="Started">{formatTimestamp(op.startedAt, true)}</Fact>
        <Fact label="Ended">{running ? "—" : formatTimestamp(op.endedAt, true)}</Fact>
        <Fact label="Duration">{running ? "running" : formatDuration(operationDurationMs(op))}</Fact>
        <Fact label="Events">{op.eventIds.join(", ")}</Fact>
        {op.wait?.durationSeconds !== undefined ? <Fact label="Wait">{formatDuration(op.wait.durationSeconds * 1000)}</Fact> : null}
        {op.wait?.scheduledEndAt ? <Fact label="Scheduled end">{formatTimestamp(op.wait.scheduledEndAt, true)}</Fact> : null}
        {op.callback?.callbackId ? <Fact label="Callback id">{op.callback.callbackId}</Fact> : null}
        {op.callback?.timeoutSeconds !== undefined ? <Fact label="Timeout">{formatDuration(op.callback.timeoutSeconds * 1000)}</Fact> : null}
        {op.callback?.heartbeatTimeoutSeconds !== undefined ? (
          <Fact label="Heartbeat">{formatDuration(op.callback.heartbeatTimeoutSeconds * 1000)}</Fact>
        ) : null}
        {op.chainedInvoke?.functionName ? <Fact label="Function">{op.chainedInvoke.functionName}</Fact> : null}
        {op.chainedInvoke?.durableExecutionArn ? <Fact label="Execution">{op.chainedInvoke.durableExecutionArn}</Fact> : null}
      </dl>

      {op.truncated ? (
        <p className="rounded-md bg-amber-50 p-2 text-xs text-amber-900">The service truncated at least one of this operation&apos;s payloads.</p>
      ) : null}

      {op.input !== undefined ? (
        <Section title="Input">
          <PayloadView payload={op.input} />
        </Section>
      ) : null}

      {op.attempts.length > 0 ? (
        <Section title={`Attempts (${op.attempts.length})`}>
          <ol className="space-y-2">
            {op.attempts.map((a) => (
              <Attempt key={a.number} attempt={a} />
            ))}
          </ol>
        </Section>
      ) : null}

      {op.error ? (
        <Section title="Error">
          <ErrorObjectView error={op.error} />
        </Section>
      ) : null}

      {op.status === "SUCCEEDED" ? (
        <Section title="Result">
          <PayloadView payload={op.result} empty="(no result)" testId="inspector-result" />
        </Section>
      ) : null}
    </aside>
  );
}
