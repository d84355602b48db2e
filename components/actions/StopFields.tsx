"use client";
import { useId } from "react";
import { inputStyle, labelStyle } from "./styles";

/** The optional reason a stop records: an error type and message. */
export interface StopReason {
  ErrorType: string;
  ErrorMessage: string;
}

/**
 * The reason fields of a stop, and what stopping means.
 *
 * @example <StopFields reason={reason} onChange={setReason} />
 */
export function StopFields({ reason, onChange }: { reason: StopReason; onChange: (reason: StopReason) => void }) {
  const id = useId();
  return (
    <div className="space-y-3">
      <div className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="stop-meaning">
        <p className="font-medium">Stopping ends the execution now, as STOPPED. It cannot be resumed or undone.</p>
        <p>
          The function is not invoked again: waits, retries and callbacks still pending are abandoned, and an invocation still running can no longer
          checkpoint. Steps that already ran are not rolled back; their side effects stay.
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-type`} className={labelStyle}>
            Error type <span className="font-normal text-zinc-400">(optional)</span>
          </label>
          <input id={`${id}-type`} className={inputStyle} value={reason.ErrorType} onChange={(e) => onChange({ ...reason, ErrorType: e.target.value })} placeholder="StoppedByOperator" />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-message`} className={labelStyle}>
            Error message <span className="font-normal text-zinc-400">(optional)</span>
          </label>
          <input id={`${id}-message`} className={inputStyle} value={reason.ErrorMessage} onChange={(e) => onChange({ ...reason, ErrorMessage: e.target.value })} placeholder="Why it was stopped" />
        </div>
      </div>
    </div>
  );
}

/**
 * The error to send for a reason, or undefined when both fields are empty.
 *
 * @example stopError({ ErrorType: "", ErrorMessage: "Runaway" }) // { ErrorMessage: "Runaway" }
 */
export function stopError(reason: StopReason): { ErrorType?: string; ErrorMessage?: string } | undefined {
  const out: { ErrorType?: string; ErrorMessage?: string } = {};
  if (reason.ErrorType.trim()) out.ErrorType = reason.ErrorType.trim();
  if (reason.ErrorMessage.trim()) out.ErrorMessage = reason.ErrorMessage;
  return Object.keys(out).length > 0 ? out : undefined;
}
