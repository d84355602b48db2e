"use client";
import Link from "next/link";
import { useState } from "react";
import type { CallbackActionResponse, PendingCallback } from "@/lib/action-types";
import type { SnippetAnswer } from "@/lib/callback-snippets";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { useLastHeartbeat } from "@/lib/heartbeat-log";
import { callbackDeadline, heartbeatDeadline } from "@/lib/pending-callbacks";
import { executionPath } from "@/lib/segments";
import { CallbackResponder } from "@/components/actions/CallbackResponder";
import { buttonStyles } from "@/components/actions/styles";
import { Countdown } from "@/components/timeline/Countdown";
import { CopyButton } from "@/components/ui/CopyButton";
import { CallbackSnippets } from "./CallbackSnippets";

/**
 * One waiting callback: its execution, name, age, timeout and heartbeat countdowns, and (opened)
 * the answer forms with matching CLI and SDK snippets.
 *
 * @example <InboxRow callback={cb} now={now} actions onSent={note} />
 */
export function InboxRow({
  callback: cb,
  now,
  actions,
  onSent,
}: {
  callback: PendingCallback;
  now: number;
  /** False in read-only mode: only the snippets are offered. */
  actions: boolean;
  onSent: (cb: PendingCallback, sent: CallbackActionResponse) => void;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<SnippetAnswer>({ action: "succeed" });
  const lastBeat = useLastHeartbeat(cb.callbackId);
  const started = cb.startedAt ? new Date(cb.startedAt) : undefined;
  const timeoutAt = callbackDeadline({ startedAt: started, timeoutSeconds: cb.timeoutSeconds });
  const beatAt = heartbeatDeadline({ startedAt: started, heartbeatTimeoutSeconds: cb.heartbeatTimeoutSeconds }, lastBeat);
  return (
    <li className="space-y-3 px-4 py-3" data-testid="inbox-row" data-function-name={cb.functionName ?? ""} data-execution-name={cb.executionName} data-callback-name={cb.name ?? ""}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono font-semibold text-zinc-900">{cb.name ?? "(unnamed callback)"}</span>
            <span className="text-xs text-zinc-500">in</span>
            <Link href={`${executionPath(cb.executionArn)}?op=${encodeURIComponent(cb.operationId)}`} className="font-mono text-sm text-sky-800 hover:underline" data-testid="inbox-execution-link">
              {cb.executionName}
            </Link>
            {cb.functionName ? <span className="font-mono text-xs text-zinc-500">of {cb.functionName}</span> : null}
          </p>
          <div className="flex min-w-0 items-center gap-2">
            <code className="min-w-0 max-w-[28rem] truncate rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-700" title={cb.callbackId}>
              {cb.callbackId}
            </code>
            <CopyButton value={cb.callbackId} label="Copy id" />
          </div>
        </div>
        <button type="button" className={open ? buttonStyles.secondary : actions ? buttonStyles.primary : buttonStyles.secondary} onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? "Close" : actions ? "Respond" : "Show commands"}
        </button>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
        <div>
          <dt className="text-zinc-500">Waiting for</dt>
          <dd className="font-mono" title={formatTimestamp(cb.startedAt, true)}>{formatDuration(durationBetween(cb.startedAt, undefined, now))}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">Times out</dt>
          <dd data-testid="timeout-countdown">{timeoutAt !== undefined ? <Countdown at={timeoutAt} /> : <span className="text-zinc-400">never</span>}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-zinc-500">Next heartbeat due</dt>
          <dd data-testid="heartbeat-countdown">
            {beatAt !== undefined ? (
              <>
                <Countdown at={beatAt} />
                <span className="ml-1 text-zinc-400">({lastBeat ? "since the last heartbeat sent from here" : "since it started"})</span>
              </>
            ) : (
              <span className="text-zinc-400">no heartbeat timeout</span>
            )}
          </dd>
        </div>
      </dl>
      {open ? (
        <div className="grid gap-4 border-t border-zinc-100 pt-3 lg:grid-cols-2">
          {actions ? <CallbackResponder callbackId={cb.callbackId} heartbeatTimeoutSeconds={cb.heartbeatTimeoutSeconds} onSent={(sent) => onSent(cb, sent)} onDraft={setDraft} /> : null}
          <div className="min-w-0 space-y-1">
            <p className="text-xs text-zinc-500">{actions ? "Or do the same from a terminal or from code:" : "Answer it from a terminal or from code:"}</p>
            <CallbackSnippets callbackId={cb.callbackId} answer={draft} />
          </div>
        </div>
      ) : null}
    </li>
  );
}
