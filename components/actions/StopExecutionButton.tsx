"use client";
import { useState, type FormEvent } from "react";
import { useStopExecution } from "@/lib/use-actions";
import { ActionDialog } from "./ActionDialog";
import { ActionError } from "./ActionError";
import { StopFields, stopError, type StopReason } from "./StopFields";
import { buttonStyles } from "./styles";

/**
 * "Stop execution…" and its confirmation, with an optional reason. The page refreshes to STOPPED.
 *
 * @example <StopExecutionButton arn={arn} name="order-42" />
 */
export function StopExecutionButton({ arn, name }: { arn: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<StopReason>({ ErrorType: "", ErrorMessage: "" });
  const mutation = useStopExecution();
  const close = () => {
    setOpen(false);
    mutation.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ arn, error: stopError(reason) }, { onSuccess: () => setOpen(false) });
  };
  return (
    <>
      <button type="button" className={buttonStyles.dangerOutline} onClick={() => setOpen(true)}>
        Stop execution…
      </button>
      <ActionDialog open={open} onClose={close} title={`Stop ${name}?`} testId="stop-dialog">
        <form onSubmit={submit} className="space-y-4">
          <StopFields reason={reason} onChange={setReason} />
          <ActionError title="Could not stop the execution" error={mutation.error} />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonStyles.secondary} onClick={close}>
              Cancel
            </button>
            <button type="submit" className={buttonStyles.danger} disabled={mutation.isPending}>
              {mutation.isPending ? "Stopping…" : "Stop execution"}
            </button>
          </div>
        </form>
      </ActionDialog>
    </>
  );
}
