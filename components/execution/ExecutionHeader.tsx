"use client";
import { useState, type ReactNode } from "react";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { CopyButton } from "@/components/ui/CopyButton";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { ErrorDetails } from "./ErrorDetails";
import type { ExecutionFacts } from "./execution-facts";
import { InvokedBy } from "./InvokedBy";
import { JsonPayload } from "./JsonPayload";
import { Popover } from "./Popover";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="whitespace-nowrap">
      <span className="text-zinc-500">{label} </span>
      <span className="font-mono text-zinc-800">{children}</span>
    </span>
  );
}

/** The end time without its date when it is the start's day, so the line stays short. */
function endTime(startedAt: string | Date | undefined, endedAt: string | Date | undefined): string {
  const start = formatTimestamp(startedAt, true);
  const end = formatTimestamp(endedAt, true);
  return end.length > 10 && start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : end;
}

/**
 * The execution in two lines: name, status and times; then input, result or error (each a click
 * away, over the page), the ARN, `children` (the limits) and the page's actions. It stays this
 * small so the operation view below gets the screen.
 *
 * @example <ExecutionHeader execution={executionFacts(summary, root)} source="live" actions={<ExecutionActions … />}><HealthPopover … /></ExecutionHeader>
 */
export function ExecutionHeader({
  execution,
  source = "live",
  actions,
  children,
}: {
  execution: ExecutionFacts;
  source?: "live" | "file";
  /** What can be done to the execution (stop, start again), at the end of the second line. */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const running = execution.running;
  const now = useNow(running);
  const [errorOpen, setErrorOpen] = useState(false);
  const error = execution.error;
  return (
    <section className="space-y-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-2" data-testid="execution-header">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 break-all font-mono text-lg font-semibold leading-7 tracking-tight">
          {execution.name}
        </h1>
        <span data-testid="execution-status">
          <StatusBadge status={execution.status} />
        </span>
        {source === "file" ? (
          <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600" data-testid="execution-source">
            opened from a file
          </span>
        ) : null}
        <p className="flex flex-wrap items-center gap-x-3 text-xs" data-testid="execution-times">
          <Fact label="Started">{formatTimestamp(execution.startedAt, true)}</Fact>
          <Fact label="Ended">{endTime(execution.startedAt, execution.endedAt)}</Fact>
          <Fact label="Duration">
            {formatDuration(durationBetween(execution.startedAt, execution.endedAt, running ? now : undefined))}
            {running ? <span className="ml-1 font-sans text-sky-700">(running)</span> : null}
          </Fact>
          {execution.version ? <Fact label="Version">{execution.version}</Fact> : null}
        </p>
        {execution.arn && source === "live" ? <InvokedBy arn={execution.arn} /> : null}
      </div>
      {execution.waitingReason ? (
        <p className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" role="status" data-testid="execution-waiting-reason">
          {execution.waitingReason}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Popover label="Input" testId="execution-input">
          <JsonPayload payload={execution.input} testId="execution-input" />
        </Popover>
        {error ? (
          <>
            <Popover label="Error" tone="error" testId="execution-error" onOpenChange={setErrorOpen}>
              <ErrorDetails error={error} />
            </Popover>
            {/* The message itself stays in sight; the popover adds data and stack. */}
            {errorOpen ? null : (
              <p className="min-w-[8rem] max-w-[36rem] flex-1 truncate text-xs text-red-900" title={`${error.ErrorType ?? "Error"}: ${error.ErrorMessage ?? ""}`}>
                <span className="font-mono font-semibold" data-testid="error-type">
                  {error.ErrorType ?? "Error"}
                </span>
                {error.ErrorMessage ? <span data-testid="error-message">: {error.ErrorMessage}</span> : null}
              </p>
            )}
          </>
        ) : (
          <Popover label="Result" testId="execution-result">
            <JsonPayload payload={execution.result} empty={running ? "(not finished yet)" : "(no result)"} testId="execution-result" />
          </Popover>
        )}
        {execution.arn ? (
          <div className="flex min-w-[8rem] flex-1 items-center gap-1.5">
            <code className="min-w-0 truncate rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-700" title={execution.arn} data-testid="execution-arn">
              {execution.arn}
            </code>
            <span className="shrink-0 whitespace-nowrap">
              <CopyButton value={execution.arn} label="Copy ARN" />
            </span>
          </div>
        ) : (
          <span className="flex-1" />
        )}
        {children}
        {/* The actions' own box is dropped and their buttons made small: here they are part of a line. */}
        {actions ? (
          <div className="[&>section]:border-0 [&>section]:bg-transparent [&>section]:p-0 [&>section]:text-xs [&>section>div>button]:px-2 [&>section>div>button]:py-0.5 [&>section>div>button]:text-xs">
            {actions}
          </div>
        ) : null}
      </div>
    </section>
  );
}
