"use client";
import { useId, useState, type FormEvent } from "react";
import { checkBody, startBody } from "@/lib/action-schemas";
import { PAYLOAD_LIMITS } from "@/lib/payload-limits";
import { useStartExecution } from "@/lib/use-actions";
import { ActionDialog } from "./ActionDialog";
import { ActionError } from "./ActionError";
import { jsonInputProblem } from "./field-problems";
import { JsonField } from "./JsonField";
import { StartOutcome } from "./StartOutcome";
import { buttonStyles, inputStyle, labelStyle } from "./styles";

interface Draft {
  payload: string;
  executionName: string;
  mode: "async" | "sync";
  qualifier: string;
}

function problemsOf(draft: Draft): Partial<Record<"executionName" | "qualifier" | "payload", string>> {
  const out: Partial<Record<"executionName" | "qualifier" | "payload", string>> = {};
  const checked = checkBody(startBody, { executionName: draft.executionName.trim(), qualifier: draft.qualifier.trim(), mode: draft.mode });
  if (!checked.ok) for (const p of checked.problems) if (p.field === "executionName" || p.field === "qualifier") out[p.field] ??= `Must be ${p.message.replace(/^must be /, "")}`;
  const payload = jsonInputProblem("payload", draft.payload, draft.mode === "sync" ? PAYLOAD_LIMITS.syncPayload : PAYLOAD_LIMITS.asyncPayload);
  if (payload) out.payload = payload;
  return out;
}

function StartForm({ functionName, initial, onDone }: { functionName: string; initial: Draft; onDone: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const mutation = useStartExecution();
  const problems = problemsOf(draft);
  const blocked = Object.keys(problems).length > 0;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    const executionName = draft.executionName.trim();
    const qualifier = draft.qualifier.trim();
    mutation.mutate({
      functionName,
      payload: draft.payload,
      mode: draft.mode,
      ...(executionName ? { executionName } : {}),
      ...(qualifier ? { qualifier } : {}),
    });
  };
  if (mutation.data) {
    return (
      <div className="space-y-4">
        <StartOutcome outcome={mutation.data} />
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonStyles.secondary} onClick={() => mutation.reset()}>
            Start another
          </button>
          <button type="button" className={buttonStyles.primary} onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <JsonField
        label="Payload (JSON)"
        field="payload"
        value={draft.payload}
        onChange={(payload) => set({ payload })}
        limit={draft.mode === "sync" ? PAYLOAD_LIMITS.syncPayload : PAYLOAD_LIMITS.asyncPayload}
        rows={8}
        placeholder="{}"
        hint="The execution's input event. Empty sends {}."
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-name`} className={labelStyle}>
            Execution name <span className="font-normal text-zinc-400">(optional)</span>
          </label>
          <input
            id={`${id}-name`}
            className={inputStyle}
            value={draft.executionName}
            onChange={(e) => set({ executionName: e.target.value })}
            placeholder="generated when empty"
            aria-invalid={problems.executionName ? true : undefined}
          />
          {problems.executionName ? <p className="text-xs text-red-700" data-testid="field-problem">{problems.executionName}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-qualifier`} className={labelStyle}>
            Version or alias <span className="font-normal text-zinc-400">(optional)</span>
          </label>
          <input id={`${id}-qualifier`} className={inputStyle} value={draft.qualifier} onChange={(e) => set({ qualifier: e.target.value })} placeholder="$LATEST" />
          {problems.qualifier ? <p className="text-xs text-red-700" data-testid="field-problem">{problems.qualifier}</p> : null}
        </div>
      </div>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelStyle}>Invocation</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name={`${id}-mode`} checked={draft.mode === "async"} onChange={() => set({ mode: "async" })} className="mt-1" />
          <span>
            Asynchronous <span className="text-zinc-500">(Event): returns at once; the execution runs in the background. Payload up to 1 MB.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name={`${id}-mode`} checked={draft.mode === "sync"} onChange={() => set({ mode: "sync" })} className="mt-1" />
          <span>
            Synchronous <span className="text-zinc-500">(RequestResponse): waits up to 30 s for the execution to end and shows its result. Payload up to 6 MB.</span>
          </span>
        </label>
      </fieldset>
      <ActionError title="Could not start the execution" error={mutation.error} />
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonStyles.secondary} onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className={buttonStyles.primary} disabled={blocked || mutation.isPending}>
          {mutation.isPending ? (draft.mode === "sync" ? "Running…" : "Starting…") : "Start"}
        </button>
      </div>
    </form>
  );
}

/**
 * A button that opens the start dialog for a function: payload editor, optional execution name,
 * version or alias, and sync or async. `initialPayload` makes it "start again with this input".
 *
 * @example <StartExecutionButton functionName="order-processor" />
 */
export function StartExecutionButton({
  functionName,
  label = "Start execution…",
  initialPayload = "{}",
  initialQualifier = "",
  variant = "primary",
}: {
  functionName: string;
  label?: string;
  initialPayload?: string;
  initialQualifier?: string;
  variant?: "primary" | "secondary";
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonStyles[variant]} onClick={() => setOpen(true)}>
        {label}
      </button>
      <ActionDialog open={open} onClose={() => setOpen(false)} title={`Start an execution of ${functionName}`} testId="start-dialog">
        <StartForm
          functionName={functionName}
          initial={{ payload: initialPayload, executionName: "", mode: "async", qualifier: initialQualifier }}
          onDone={() => setOpen(false)}
        />
      </ActionDialog>
    </>
  );
}
