"use client";
import type { Outcome } from "@durable-lens/sdk/replay";
import { useState } from "react";
import { buttonStyles, inputStyle, labelStyle } from "@/components/actions/styles";
import { outcomeFromFields, type OutcomeFields } from "./simulation-inputs";

/**
 * Asks how something turns out: a JSON value, or an error with a type and a message.
 *
 * @example <OutcomeForm submitLabel="Use this outcome" onSubmit={(o) => send({ type: "outcome", outcome: o })} />
 */
export function OutcomeForm({ submitLabel, onSubmit, disabled, testId, initialKind = "succeed" }: { submitLabel: string; onSubmit: (outcome: Outcome) => void; disabled?: boolean; testId: string; initialKind?: "succeed" | "fail" }) {
  const [fields, setFields] = useState<OutcomeFields>({ kind: initialKind, json: "", errorType: "", errorMessage: "" });
  const [problem, setProblem] = useState<string>();
  const set = (patch: Partial<OutcomeFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setProblem(undefined);
  };
  const submit = () => {
    const read = outcomeFromFields(fields);
    if ("problem" in read) setProblem(read.problem);
    else onSubmit(read.outcome);
  };
  return (
    <form
      data-testid={testId}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex gap-4 text-sm">
        {(["succeed", "fail"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-1">
            <input type="radio" checked={fields.kind === kind} onChange={() => set({ kind })} data-testid={`${testId}-${kind}`} />
            {kind === "succeed" ? "Succeeds with" : "Fails with"}
          </label>
        ))}
      </div>
      {fields.kind === "succeed" ? (
        <label className={labelStyle}>
          Value (JSON, empty for none)
          <textarea className={`${inputStyle} font-mono`} rows={3} value={fields.json} onChange={(e) => set({ json: e.target.value })} data-testid={`${testId}-json`} />
        </label>
      ) : (
        <div className="grid grid-cols-2 gap-2">
          <label className={labelStyle}>
            ErrorType
            <input className={inputStyle} value={fields.errorType} onChange={(e) => set({ errorType: e.target.value })} data-testid={`${testId}-error-type`} />
          </label>
          <label className={labelStyle}>
            ErrorMessage
            <input className={inputStyle} value={fields.errorMessage} onChange={(e) => set({ errorMessage: e.target.value })} data-testid={`${testId}-error-message`} />
          </label>
        </div>
      )}
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      <button type="submit" className={buttonStyles.primary} disabled={disabled} data-testid={`${testId}-submit`}>
        {submitLabel}
      </button>
    </form>
  );
}
