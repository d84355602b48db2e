"use client";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import type { ErrorObject } from "@durable-lens/sdk/protocol";
import type { CallbackFormProps } from "./callback-form-props";
import { PAYLOAD_LIMITS, sizeProblem } from "@/lib/payload-limits";
import { useCallbackAction } from "@/lib/use-actions";
import { ActionError } from "./ActionError";
import { buttonStyles, inputStyle, labelStyle } from "./styles";

function buildError(type: string, message: string, data: string, trace: string): ErrorObject {
  const error: ErrorObject = {};
  if (type.trim()) error.ErrorType = type.trim();
  if (message.trim()) error.ErrorMessage = message;
  if (data.trim()) error.ErrorData = data;
  const frames = trace.split("\n").filter((line) => line.trim() !== "");
  if (frames.length > 0) error.StackTrace = frames;
  return error;
}

/**
 * Fails a callback with an ErrorObject: type, message, data and a stack trace (one frame a line).
 *
 * @example <CallbackFailureForm callbackId={id} onSent={note} />
 */
export function CallbackFailureForm({
  callbackId,
  onSent,
  onDraft,
}: CallbackFormProps) {
  const id = useId();
  const [type, setType] = useState("");
  const [message, setMessage] = useState("");
  const [data, setData] = useState("");
  const [trace, setTrace] = useState("");
  const mutation = useCallbackAction();
  const error = useMemo(() => buildError(type, message, data, trace), [type, message, data, trace]);
  const problem = sizeProblem("error", JSON.stringify(error), PAYLOAD_LIMITS.error);
  useEffect(() => onDraft?.({ action: "fail", error }), [onDraft, error]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    mutation.mutate({ action: "fail", callbackId, error }, { onSuccess: (sent) => onSent?.(sent) });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Fail the callback">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-type`} className={labelStyle}>
            Error type
          </label>
          <input id={`${id}-type`} className={inputStyle} value={type} onChange={(e) => setType(e.target.value)} placeholder="Rejected" />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-message`} className={labelStyle}>
            Error message
          </label>
          <input id={`${id}-message`} className={inputStyle} value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Over budget" />
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-data`} className={labelStyle}>
          Error data
        </label>
        <textarea id={`${id}-data`} rows={2} spellCheck={false} className={`${inputStyle} font-mono text-xs`} value={data} onChange={(e) => setData(e.target.value)} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-trace`} className={labelStyle}>
          Stack trace <span className="font-normal text-zinc-400">(one frame a line)</span>
        </label>
        <textarea id={`${id}-trace`} rows={3} spellCheck={false} className={`${inputStyle} font-mono text-xs`} value={trace} onChange={(e) => setTrace(e.target.value)} />
      </div>
      {problem ? <p className="text-xs text-red-700" data-testid="field-problem">{problem}</p> : null}
      <ActionError title="Could not fail the callback" error={mutation.error} />
      <button type="submit" className={buttonStyles.danger} disabled={Boolean(problem) || mutation.isPending}>
        {mutation.isPending ? "Sending…" : "Send failure"}
      </button>
    </form>
  );
}
