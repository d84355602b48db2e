"use client";
import { useMemo, useState, type FormEvent } from "react";
import type { BulkStopResponse } from "@/lib/action-types";
import type { ExecutionSummary } from "@/lib/api-types";
import { MAX_BULK_STOP } from "@/lib/action-schemas";
import { useBulkStop } from "@/lib/use-actions";
import { ActionDialog } from "./ActionDialog";
import { ActionError } from "./ActionError";
import { StopFields, stopError, type StopReason } from "./StopFields";
import { buttonStyles } from "./styles";

function Outcome({ outcome, names }: { outcome: BulkStopResponse; names: ReadonlyMap<string, string> }) {
  const failures = outcome.results.filter((r) => !r.ok);
  return (
    <div role="status" className="space-y-1 text-sm" data-testid="bulk-stop-outcome">
      <p className={outcome.failed === 0 ? "text-emerald-700" : "text-amber-800"}>
        Stopped {outcome.stopped} of {outcome.results.length} execution{outcome.results.length === 1 ? "" : "s"}.
      </p>
      {failures.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-red-800">
          {failures.map((r) => (
            <li key={r.arn}>
              <span className="font-mono">{names.get(r.arn) ?? r.arn}</span>: {r.ok ? null : r.error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * "Stop running…" for the running executions of the page shown: a checklist, the count that will
 * be stopped, then one result per execution.
 *
 * @example <BulkStopButton executions={page.executions} />
 */
export function BulkStopButton({ executions }: { executions: readonly ExecutionSummary[] }) {
  const running = useMemo(() => executions.filter((e) => e.status === "RUNNING").slice(0, MAX_BULK_STOP), [executions]);
  const names = useMemo(() => new Map(executions.map((e) => [e.arn, e.name])), [executions]);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState<StopReason>({ ErrorType: "", ErrorMessage: "" });
  const mutation = useBulkStop();
  const start = () => {
    setChosen(new Set(running.map((e) => e.arn)));
    mutation.reset();
    setOpen(true);
  };
  const toggle = (arn: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (!next.delete(arn)) next.add(arn);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.size === 0) return;
    mutation.mutate({ arns: [...chosen], error: stopError(reason) });
  };
  const count = chosen.size;
  return (
    <>
      <button type="button" className={buttonStyles.dangerOutline} onClick={start} disabled={running.length === 0} title={running.length === 0 ? "Nothing on this page is running" : undefined}>
        Stop running… ({running.length})
      </button>
      <ActionDialog open={open} onClose={() => setOpen(false)} title="Stop running executions" testId="bulk-stop-dialog">
        {mutation.data ? (
          <div className="space-y-4">
            <Outcome outcome={mutation.data} names={names} />
            <div className="flex justify-end">
              <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4">
            <fieldset className="space-y-1">
              <legend className="mb-1 text-sm text-zinc-600">The running executions on this page of the list:</legend>
              <ul className="max-h-56 space-y-0.5 overflow-y-auto rounded-md border border-zinc-200 p-2">
                {running.map((e) => (
                  <li key={e.arn}>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={chosen.has(e.arn)} onChange={() => toggle(e.arn)} />
                      <span className="font-mono">{e.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <StopFields reason={reason} onChange={setReason} />
            <ActionError title="Could not stop the executions" error={mutation.error} />
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" className={buttonStyles.danger} disabled={count === 0 || mutation.isPending}>
                {mutation.isPending ? "Stopping…" : `Stop ${count} execution${count === 1 ? "" : "s"}`}
              </button>
            </div>
          </form>
        )}
      </ActionDialog>
    </>
  );
}
