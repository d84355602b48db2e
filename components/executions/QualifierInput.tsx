"use client";
import { useEffect, useState } from "react";

const QUALIFIER = /^(\$LATEST|[a-zA-Z0-9_-]{1,128})$/;

/** A version or alias to narrow the list to; applied on Enter or when the field loses focus. */
export function QualifierInput({ value, onChange }: { value: string | undefined; onChange: (qualifier: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  useEffect(() => setDraft(value ?? ""), [value]);
  const trimmed = draft.trim();
  const invalid = trimmed !== "" && !QUALIFIER.test(trimmed);
  const apply = () => {
    if (invalid || trimmed === (value ?? "")) return;
    onChange(trimmed || undefined);
  };
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600">
      Version
      <input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === "Enter" && apply()}
        placeholder="all"
        title="A version number, $LATEST or an alias; empty for all versions"
        aria-invalid={invalid ? true : undefined}
        data-testid="qualifier-input"
        className={`w-28 rounded-md border bg-white px-2 py-1 font-mono text-sm placeholder:text-zinc-400 ${invalid ? "border-red-400" : "border-zinc-300"}`}
      />
    </label>
  );
}
