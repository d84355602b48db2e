"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { nameProblem } from "@/lib/filters";
import { Kbd } from "@/components/ui/Kbd";

/** How long typing pauses before the list is asked again. */
const DEBOUNCE_MS = 300;

/**
 * The execution-name search box. It applies what is typed after a short pause (or on Enter), and
 * takes the URL's value when that changes from elsewhere (back/forward, "Clear filters").
 */
export function NameSearch({ value, onChange, inputRef }: { value: string | undefined; onChange: (name: string | undefined) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const [draft, setDraft] = useState(value ?? "");
  const applied = useRef(value ?? "");
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if ((value ?? "") !== applied.current) {
      applied.current = value ?? "";
      setDraft(value ?? "");
    }
  }, [value]);

  const apply = useCallback((text: string) => {
    const trimmed = text.trim();
    // A name the service would reject is never sent; the message below the box explains why.
    if (trimmed === applied.current || nameProblem(trimmed)) return;
    applied.current = trimmed;
    onChangeRef.current(trimmed || undefined);
  }, []);

  useEffect(() => {
    const t = setTimeout(() => apply(draft), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [draft, apply]);

  const problem = nameProblem(draft.trim());
  return (
    <div className="w-full sm:w-64">
      <label className="relative block">
        <span className="sr-only">Search executions by name</span>
        <input
          ref={inputRef}
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") apply(draft);
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          placeholder="Search by name…"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "name-search-problem" : undefined}
          data-testid="name-search"
          className={`w-full rounded-md border bg-white px-3 py-1.5 pr-8 text-sm placeholder:text-zinc-400 ${problem ? "border-red-400" : "border-zinc-300"}`}
        />
        <span className="pointer-events-none absolute right-2 top-1.5">
          <Kbd>/</Kbd>
        </span>
      </label>
      {problem ? (
        <p id="name-search-problem" className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
