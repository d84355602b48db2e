"use client";
import { useId } from "react";
import { formatBytes } from "@/lib/format";
import { utf8Length } from "@durable-lens/sdk/protocol";
import { jsonInputProblem } from "./field-problems";
import { inputStyle, labelStyle } from "./styles";

/**
 * A textarea for JSON with its problem (not JSON, too large) under it as the user types, a size
 * against the limit and a Format button.
 *
 * @example <JsonField label="Result (JSON)" field="result" value={text} onChange={setText} limit={PAYLOAD_LIMITS.callbackResult} />
 */
export function JsonField({
  label,
  field,
  value,
  onChange,
  limit,
  placeholder,
  rows = 5,
  hint,
}: {
  label: string;
  /** The request field, as the size message names it. */
  field: string;
  value: string;
  onChange: (value: string) => void;
  limit: number;
  placeholder?: string;
  rows?: number;
  hint?: string;
}) {
  const id = useId();
  const problem = jsonInputProblem(field, value, limit);
  const format = () => {
    try {
      onChange(JSON.stringify(JSON.parse(value), null, 2));
    } catch {
      // Nothing to format until it parses; the problem is already shown.
    }
  };
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={labelStyle}>
          {label}
        </label>
        <span className="flex items-center gap-2 text-[11px] text-zinc-500">
          <span>
            {formatBytes(utf8Length(value))} of {formatBytes(limit)}
          </span>
          <button type="button" className="text-sky-700 hover:underline disabled:text-zinc-400 disabled:no-underline" onClick={format} disabled={!value.trim() || Boolean(problem)}>
            Format
          </button>
        </span>
      </div>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={rows}
        spellCheck={false}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className={`${inputStyle} font-mono text-xs ${problem ? "border-red-400" : ""}`}
      />
      {problem ? (
        <p id={`${id}-problem`} className="text-xs text-red-700" data-testid="field-problem">
          {problem}
        </p>
      ) : hint ? (
        <p className="text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}
