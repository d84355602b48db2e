"use client";
import { useEffect, useState, type FormEvent } from "react";
import type { CallbackFormProps } from "./callback-form-props";
import { PAYLOAD_LIMITS } from "@/lib/payload-limits";
import { useCallbackAction } from "@/lib/use-actions";
import { ActionError } from "./ActionError";
import { jsonInputProblem } from "./field-problems";
import { JsonField } from "./JsonField";
import { buttonStyles } from "./styles";

/**
 * Completes a callback with a JSON result, checked before it is sent.
 *
 * @example <CallbackSuccessForm callbackId={id} onSent={note} />
 */
export function CallbackSuccessForm({
  callbackId,
  onSent,
  onDraft,
}: CallbackFormProps) {
  const [result, setResult] = useState("");
  const mutation = useCallbackAction();
  const problem = jsonInputProblem("result", result, PAYLOAD_LIMITS.callbackResult);
  useEffect(() => onDraft?.({ action: "succeed", result: result.trim() || undefined }), [onDraft, result]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    mutation.mutate({ action: "succeed", callbackId, ...(result.trim() ? { result } : {}) }, { onSuccess: (sent) => onSent?.(sent) });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Complete the callback">
      <JsonField
        label="Result (JSON)"
        field="result"
        value={result}
        onChange={setResult}
        limit={PAYLOAD_LIMITS.callbackResult}
        placeholder='{"approved": true}'
        hint="The callback's result as the function receives it. Empty sends no result."
      />
      <ActionError title="Could not complete the callback" error={mutation.error} />
      <button type="submit" className={buttonStyles.primary} disabled={Boolean(problem) || mutation.isPending}>
        {mutation.isPending ? "Sending…" : "Send success"}
      </button>
    </form>
  );
}
