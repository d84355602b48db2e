"use client";
import Link from "next/link";
import type { Event } from "@durable-lens/sdk/protocol";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import { useMemo } from "react";
import type { ExecutionDetail } from "@/lib/api-types";
import { openCallbacks } from "@/lib/pending-callbacks";
import { useActionsEnabled, useSession } from "@/lib/use-actions";
import { withWorkspaceChange } from "@/components/execution/workspace-url";
import { StartExecutionButton } from "./StartExecutionButton";
import { StopExecutionButton } from "./StopExecutionButton";

/** Selects an operation the way the workspace does: through the URL, which it follows. */
function selectOperation(id: string): void {
  const { pathname, search, hash } = window.location;
  window.history.pushState(null, "", `${pathname}${withWorkspaceChange(search, { op: id, event: undefined })}${hash}`);
}

/**
 * The actions of a live execution above its workspace: stop it, start again with its input, and
 * jump to the callbacks it waits for (their forms are in the inspector). In read-only mode it
 * says so instead.
 *
 * @example <ExecutionActions execution={data.execution} events={parsed.events} />
 */
export function ExecutionActions({ execution, events }: { execution: ExecutionDetail; events: readonly Event[] }) {
  const enabled = useActionsEnabled();
  const readOnly = useSession().data?.readOnly === true;
  const running = execution.status === "RUNNING";
  const pending = useMemo(() => (running ? openCallbacks(events) : []), [running, events]);
  const functionName = parseDurableExecutionArn(execution.arn)?.functionName;
  if (!functionName || (!enabled && !readOnly)) return null;
  return (
    <section className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm" data-testid="execution-actions" aria-label="Actions">
      {enabled ? (
        <div className="flex flex-wrap items-center gap-2">
          {running ? <StopExecutionButton arn={execution.arn} name={execution.name} /> : null}
          <StartExecutionButton
            functionName={functionName}
            label="Start again with this input…"
            initialPayload={execution.input ?? "{}"}
            initialQualifier={execution.version && execution.version !== "$LATEST" ? execution.version : ""}
            variant="secondary"
          />
        </div>
      ) : (
        <span className="text-xs text-zinc-500" data-testid="read-only-note">
          Read-only mode: stopping, starting and answering callbacks are switched off.
        </span>
      )}
      {pending.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="pending-callbacks">
          <span className="text-zinc-600">
            Waiting for {pending.length === 1 ? "a callback" : `${pending.length} callbacks`}:
          </span>
          {pending.map((cb) => (
            <button
              key={cb.operationId}
              type="button"
              onClick={() => selectOperation(cb.operationId)}
              className="rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 font-mono text-xs text-amber-900 hover:bg-amber-100"
            >
              {cb.name ?? "callback"}
              {enabled ? " · answer" : ""}
            </button>
          ))}
          <Link href={`/callbacks?function=${encodeURIComponent(functionName)}`} className="text-xs text-sky-700 hover:underline">
            Callback inbox
          </Link>
        </div>
      ) : null}
    </section>
  );
}
