"use client";
import Link from "next/link";
import { isOpen, operationDurationMs, operationLabel, type AttemptView, type OperationView, type ReplayPoint } from "@durable-lens/sdk/history";
import type { ReactNode } from "react";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { executionPath } from "@/lib/segments";
import { CopyButton } from "@/components/ui/CopyButton";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { operationKindLabel } from "@/components/graph/operation-style";
import { InspectorCallbackActions } from "@/components/actions/InspectorCallbackActions";
import { TypeIcon } from "@/components/graph/TypeIcon";
import { Countdown } from "@/components/timeline/Countdown";
import { ErrorDetails } from "./ErrorDetails";
import { JsonPayload } from "./JsonPayload";
import { abandonedText, operationStanding } from "./operation-standing";

/** Children listed by name before "and N more": enough to step into a map, bounded for 3,000 items. */
const CHILDREN_SHOWN = 50;
const EVENTS_SHOWN = 30;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all font-mono text-zinc-800">{children}</dd>
    </>
  );
}

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      {children}
    </section>
  );
}

/**
 * Time left until `at`: counting down from now in the latest view; while time travelling, fixed
 * from the point shown (a countdown from today would say nothing about that point).
 */
function Due({ at, asOf }: { at: number; asOf: ReplayPoint | undefined }) {
  if (!asOf) return <Countdown at={at} />;
  if (!asOf.time) return <span className="font-mono">{formatTimestamp(new Date(at), true)}</span>;
  const left = at - asOf.time.getTime();
  return (
    <span className="font-mono" data-testid="due-as-of">
      {left >= 0 ? `${formatDuration(left)} after this point` : `${formatDuration(-left)} before this point`}
    </span>
  );
}

function Attempt({
  attempt,
  next,
  last,
  asOf,
  neverRan,
}: {
  attempt: AttemptView;
  next: AttemptView | undefined;
  last: boolean;
  asOf: ReplayPoint | undefined;
  /** Set when the execution ended before the retry after this attempt: why it never ran. */
  neverRan?: string;
}) {
  const delay = attempt.nextAttemptDelaySeconds;
  const waited = next ? durationBetween(attempt.endedAt, next.startedAt) : undefined;
  const retryAt = delay !== undefined && attempt.endedAt ? attempt.endedAt.getTime() + delay * 1000 : undefined;
  return (
    <li className="space-y-1.5 rounded-md border border-zinc-200 p-2.5" data-testid="attempt" data-status={attempt.status}>
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
        {formatTimestamp(attempt.startedAt, true)} · ran {formatDuration(durationBetween(attempt.startedAt, attempt.endedAt))}
      </p>
      {attempt.error ? <ErrorDetails error={attempt.error} compact /> : null}
      {delay !== undefined ? (
        <p className="text-xs text-amber-800" data-testid="attempt-delay">
          Retry after {formatDuration(delay * 1000)}
          {waited !== undefined ? ` · next attempt started ${formatDuration(waited)} later` : null}
          {neverRan ? ` · ${neverRan}` : null}
          {!next && last && retryAt !== undefined && !neverRan ? (
            <>
              {" · due "}
              <Due at={retryAt} asOf={asOf} />
            </>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

function WaitSchedule({ op, asOf }: { op: OperationView; asOf: ReplayPoint | undefined }) {
  const wait = op.wait;
  if (!wait) return null;
  const scheduled = wait.scheduledEndAt;
  const lateMs = scheduled && op.endedAt ? op.endedAt.getTime() - scheduled.getTime() : undefined;
  return (
    <Section title="Wait schedule" testId="wait-schedule">
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-xs">
        {wait.durationSeconds !== undefined ? <Fact label="Duration">{formatDuration(wait.durationSeconds * 1000)}</Fact> : null}
        <Fact label="Started">{formatTimestamp(op.startedAt, true)}</Fact>
        {scheduled ? <Fact label="Scheduled end">{formatTimestamp(scheduled, true)}</Fact> : null}
        {op.endedAt ? <Fact label="Ended">{formatTimestamp(op.endedAt, true)}</Fact> : null}
        {lateMs !== undefined ? <Fact label="Fired">{lateMs >= 0 ? `${formatDuration(lateMs)} after schedule` : `${formatDuration(-lateMs)} early`}</Fact> : null}
        {op.status === "STARTED" && scheduled && !op.abandoned ? (
          <Fact label="Ends">
            <Due at={scheduled.getTime()} asOf={asOf} />
          </Fact>
        ) : null}
      </dl>
    </Section>
  );
}

function CallbackFacts({ op, asOf }: { op: OperationView; asOf: ReplayPoint | undefined }) {
  const cb = op.callback;
  if (!cb) return null;
  const timeoutAt = cb.timeoutSeconds && op.startedAt ? op.startedAt.getTime() + cb.timeoutSeconds * 1000 : undefined;
  return (
    <Section title="Callback" testId="callback-facts">
      {cb.callbackId ? (
        <div className="flex min-w-0 items-center gap-2">
          <code className="min-w-0 flex-1 truncate rounded bg-zinc-100 px-2 py-1 text-xs" title={cb.callbackId} data-testid="callback-id">
            {cb.callbackId}
          </code>
          <CopyButton value={cb.callbackId} label="Copy id" />
        </div>
      ) : null}
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-xs">
        {cb.timeoutSeconds !== undefined ? <Fact label="Timeout">{formatDuration(cb.timeoutSeconds * 1000)}</Fact> : null}
        {cb.heartbeatTimeoutSeconds !== undefined ? <Fact label="Heartbeat every">{formatDuration(cb.heartbeatTimeoutSeconds * 1000)}</Fact> : null}
        {op.status === "STARTED" && timeoutAt !== undefined && !op.abandoned ? (
          <Fact label="Times out">
            <Due at={timeoutAt} asOf={asOf} />
          </Fact>
        ) : null}
      </dl>
    </Section>
  );
}

function Children({ op, byId, onSelect }: { op: OperationView; byId: ReadonlyMap<string, OperationView>; onSelect: (id: string) => void }) {
  if (op.children.length === 0) return null;
  return (
    <Section title={`Inside (${op.children.length.toLocaleString("en-US")})`} testId="inspector-children">
      <ul className="max-h-48 space-y-0.5 overflow-y-auto text-xs">
        {op.children.slice(0, CHILDREN_SHOWN).map((id) => {
          const child = byId.get(id);
          if (!child) return null;
          return (
            <li key={id}>
              <button type="button" onClick={() => onSelect(id)} className="flex w-full items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-100">
                <TypeIcon type={child.type} className="h-3 w-3 shrink-0 text-zinc-500" />
                <span className="min-w-0 flex-1 truncate font-mono">{operationLabel(child)}</span>
                <StatusBadge status={operationStanding(child).label} />
              </button>
            </li>
          );
        })}
      </ul>
      {op.children.length > CHILDREN_SHOWN ? (
        <p className="text-[11px] text-zinc-500">and {(op.children.length - CHILDREN_SHOWN).toLocaleString("en-US")} more (j/k steps through all of them)</p>
      ) : null}
    </Section>
  );
}

export interface OperationInspectorProps {
  operation: OperationView;
  byId: ReadonlyMap<string, OperationView>;
  onSelect: (id: string) => void;
  onSelectEvent: (eventId: number) => void;
  onClose: () => void;
  /** Set while time travelling: the point shown. Deadlines count from its time, and a past state offers no actions. */
  asOf?: ReplayPoint;
}

/**
 * Everything the history says about one operation: timing, payloads, error, each attempt with its
 * error and back-off, wait schedule, callback id, invoked execution, and what it contains.
 * The answer form of a waiting callback only in the latest view: a past state cannot be acted on.
 *
 * @example <OperationInspector operation={op} byId={byId} onSelect={select} onSelectEvent={selectEvent} onClose={clear} />
 */
export function OperationInspector({ operation: op, byId, onSelect, onSelectEvent, onClose, asOf }: OperationInspectorProps) {
  const open = isOpen(op);
  const standing = operationStanding(op);
  const abandoned = op.abandoned;
  const parent = op.parentId ? byId.get(op.parentId) : undefined;
  const truncated = new Set(op.truncatedPayloads ?? []);
  const invokedArn = op.chainedInvoke?.durableExecutionArn;
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
          <span data-testid="inspector-status">
            <StatusBadge status={standing.label} />
          </span>
          <button type="button" onClick={onClose} className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100" aria-label="Close details">
            ×
          </button>
        </div>
      </div>

      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-xs">
        <Fact label="Id">
          <span className="mr-2">{op.id}</span>
          <CopyButton value={op.id} label="Copy" />
        </Fact>
        {op.parentId ? (
          <Fact label="Parent">
            {parent ? (
              <button type="button" className="text-left text-sky-700 hover:underline" onClick={() => onSelect(parent.id)}>
                {operationLabel(parent)}
              </button>
            ) : (
              op.parentId
            )}
          </Fact>
        ) : null}
        <Fact label="Type">{op.subType ? `${op.type} / ${op.subType}` : op.type}</Fact>
        <Fact label="Started">{formatTimestamp(op.startedAt, true)}</Fact>
        <Fact label="Ended">{abandoned ? "never" : open ? "—" : formatTimestamp(op.endedAt, true)}</Fact>
        <Fact label="Duration">{abandoned ? "never finished" : open ? "running" : formatDuration(operationDurationMs(op))}</Fact>
        {op.executionTimeoutSeconds !== undefined ? <Fact label="Timeout">{formatDuration(op.executionTimeoutSeconds * 1000)}</Fact> : null}
        <Fact label="Events">
          <span className="flex flex-wrap gap-x-1.5">
            {op.eventIds.slice(0, EVENTS_SHOWN).map((id) => (
              <button key={id} type="button" className="text-sky-700 hover:underline" onClick={() => onSelectEvent(id)}>
                {id}
              </button>
            ))}
            {op.eventIds.length > EVENTS_SHOWN ? <span className="text-zinc-400">+{op.eventIds.length - EVENTS_SHOWN}</span> : null}
          </span>
        </Fact>
        {op.chainedInvoke?.functionName ? <Fact label="Function">{op.chainedInvoke.functionName}</Fact> : null}
        {op.chainedInvoke?.executedVersion ? <Fact label="Version">{op.chainedInvoke.executedVersion}</Fact> : null}
        {invokedArn ? (
          <Fact label="Execution">
            <Link href={executionPath(invokedArn)} className="text-sky-700 hover:underline" data-testid="invoked-execution-link">
              {invokedArn}
            </Link>
          </Fact>
        ) : null}
      </dl>

      {abandoned ? (
        <p className="rounded-md bg-zinc-100 p-2 text-xs text-zinc-800" data-testid="inspector-abandoned">
          {standing.summary.charAt(0).toUpperCase() + standing.summary.slice(1)}
          {abandoned.retryNeverRan !== undefined && abandoned.executionEndedAt ? ` (${abandoned.executionStatus} at ${formatTimestamp(abandoned.executionEndedAt, true)})` : ` (${abandoned.executionStatus})`}.
          {" "}Its last recorded status is {op.status}: it was still {op.status === "PENDING" ? "waiting to retry" : "going"} when the execution ended.
        </p>
      ) : null}

      {op.truncated && truncated.size === 0 ? (
        <p className="rounded-md bg-amber-50 p-2 text-xs text-amber-900" data-testid="truncated-marker">
          The service truncated at least one of this operation&apos;s payloads.
        </p>
      ) : null}

      <WaitSchedule op={op} asOf={asOf} />
      <CallbackFacts op={op} asOf={asOf} />
      {asOf || abandoned ? null : <InspectorCallbackActions op={op} />}

      {op.input !== undefined || truncated.has("input") ? (
        <Section title="Input">
          <JsonPayload payload={op.input} truncated={truncated.has("input")} testId="inspector-input" />
        </Section>
      ) : null}

      {op.error ? (
        <Section title="Error" testId="inspector-error">
          <ErrorDetails error={op.error} truncated={truncated.has("error")} />
        </Section>
      ) : null}

      {op.status === "SUCCEEDED" ? (
        <Section title="Result">
          <JsonPayload payload={op.result} empty="(no result)" truncated={truncated.has("result")} testId="inspector-result" />
        </Section>
      ) : null}

      {op.attempts.length > 0 ? (
        <Section title={`Attempts (${op.attempts.length})`} testId="inspector-attempts">
          <ol className="space-y-2">
            {op.attempts.map((a, i) => {
              const last = i === op.attempts.length - 1;
              const neverRan = last && abandoned?.retryNeverRan !== undefined ? abandonedText(abandoned) : undefined;
              return <Attempt key={a.number} attempt={a} next={op.attempts[i + 1]} last={last} asOf={asOf} neverRan={neverRan} />;
            })}
            {abandoned?.retryNeverRan !== undefined ? (
              <li className="rounded-md border border-dashed border-zinc-300 p-2.5 text-xs text-zinc-600" data-testid="attempt-never-ran">
                <span className="font-semibold text-zinc-800">Attempt {abandoned.retryNeverRan}</span> never ran: {abandonedText(abandoned)}.
              </li>
            ) : null}
          </ol>
        </Section>
      ) : null}

      <Children op={op} byId={byId} onSelect={onSelect} />
    </aside>
  );
}
