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
 * "Stop N selected…" for the executions ticked in the list: a dialog naming how many and which,
 * an optional reason, then one result per execution. `onDone` runs when the dialog closes after
 * stopping, so the list can clear its ticks.
 *
 * @example <BulkStopButton selected={picked} onDone={selection.clear} />
 */
export function BulkStopButton({ selected, onDone }: { selected: readonly ExecutionSummary[]; onDone?: () => void }) {
  const [open, setOpen] = useState(false);
  // What the dialog acts on is fixed when it opens, so a refresh of the list cannot change it under the user.
  const [chosen, setChosen] = useState<readonly ExecutionSummary[]>([]);
  const names = useMemo(() => new Map(chosen.map((e) => [e.arn, e.name])), [chosen]);
  const [reason, setReason] = useState<StopReason>({ ErrorType: "", ErrorMessage: "" });
  const mutation = useBulkStop();
  const tooMany = selected.length > MAX_BULK_STOP;
  const start = () => {
    setChosen(selected);
    mutation.reset();
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    if (mutation.data) onDone?.();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) return;
    mutation.mutate({ arns: chosen.map((x) => x.arn), error: stopError(reason) });
  };
  const count = chosen.length;
  const plural = (n: number) => `${n} execution${n === 1 ? "" : "s"}`;
  return (
    <>
      <button
        type="button"
        className={buttonStyles.dangerOutline}
        onClick={start}
        disabled={selected.length === 0 || tooMany}
        title={selected.length === 0 ? "Tick running executions in the list to stop them" : tooMany ? `At most ${MAX_BULK_STOP} at a time` : undefined}
        data-testid="bulk-stop-button"
      >
        Stop {selected.length} selected…
      </button>
      <ActionDialog open={open} onClose={close} title={`Stop ${plural(count)}?`} testId="bulk-stop-dialog">
        {mutation.data ? (
          <div className="space-y-4">
            <Outcome outcome={mutation.data} names={names} />
            <div className="flex justify-end">
              <button type="button" className={buttonStyles.secondary} onClick={close}>
                Close
              </button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4">
            <div className="space-y-1">
              <p className="text-sm text-zinc-600" data-testid="bulk-stop-summary">
                These {plural(count)} will be stopped; their pending steps, waits and callbacks are abandoned:
              </p>
              <ul className="max-h-56 space-y-0.5 overflow-y-auto rounded-md border border-zinc-200 p-2" data-testid="bulk-stop-list">
                {chosen.map((e) => (
                  <li key={e.arn} className="font-mono text-sm">
                    {e.name}
                  </li>
                ))}
              </ul>
            </div>
            <StopFields reason={reason} onChange={setReason} />
            <ActionError title="Could not stop the executions" error={mutation.error} />
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonStyles.secondary} onClick={close}>
                Cancel
              </button>
              <button type="submit" className={buttonStyles.danger} disabled={count === 0 || mutation.isPending}>
                {mutation.isPending ? "Stopping…" : `Stop ${plural(count)}`}
              </button>
            </div>
          </form>
        )}
      </ActionDialog>
    </>
  );
}
