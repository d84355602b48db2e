"use client";
import { useMemo, useState } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import { containerSummary, readPayload, type JsonValue } from "./payload-json";

/** Members shown before a "show more" button, so a 3,000-item array does not render 3,000 rows at once. */
const PAGE = 100;
/** Levels open at first. */
const OPEN_DEPTH = 2;

function Scalar({ value }: { value: null | boolean | number | string }) {
  if (value === null) return <span className="text-zinc-400">null</span>;
  if (typeof value === "string") return <span className="break-all text-emerald-800">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-sky-800">{String(value)}</span>;
  return <span className="text-amber-700">{String(value)}</span>;
}

function JsonNode({ name, value, depth }: { name?: string; value: JsonValue; depth: number }) {
  const container = typeof value === "object" && value !== null;
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [shown, setShown] = useState(PAGE);
  const label = name !== undefined ? <span className="text-zinc-500">{name}: </span> : null;
  if (!container) {
    return (
      <div className="pl-4">
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: Array<[string, JsonValue]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return (
    <div className="pl-4">
      <button type="button" className="-ml-4 w-4 text-zinc-400 hover:text-zinc-700" onClick={() => setOpen(!open)} aria-expanded={open} aria-label={open ? "Collapse" : "Expand"}>
        {open ? "▾" : "▸"}
      </button>
      {label}
      {open ? (
        <>
          <span className="text-zinc-400">{Array.isArray(value) ? "[" : "{"}</span>
          {/* Children mount only while open, so closed parts of a big payload cost nothing. */}
          {entries.slice(0, shown).map(([k, v]) => (
            <JsonNode key={k} name={Array.isArray(value) ? undefined : k} value={v} depth={depth + 1} />
          ))}
          {entries.length > shown ? (
            <button type="button" className="pl-4 text-sky-700 hover:underline" onClick={() => setShown(shown + PAGE)}>
              show {Math.min(PAGE, entries.length - shown)} more of {entries.length - shown}
            </button>
          ) : null}
          <div className="text-zinc-400">{Array.isArray(value) ? "]" : "}"}</div>
        </>
      ) : (
        <button type="button" className="text-zinc-400 hover:text-zinc-700" onClick={() => setOpen(true)}>
          {containerSummary(value)}
        </button>
      )}
    </div>
  );
}

/**
 * A payload as collapsible JSON (or as text when it is not JSON), with copy and a raw view.
 * Payloads are data from the function: React renders them as text, never as markup.
 *
 * @example <JsonPayload payload={op.result} truncated={op.truncatedPayloads?.includes("result")} />
 */
export function JsonPayload({
  payload,
  empty = "(none)",
  truncated = false,
  testId,
}: {
  payload: string | undefined;
  empty?: string;
  truncated?: boolean;
  testId?: string;
}) {
  const read = useMemo(() => (payload === undefined ? undefined : readPayload(payload)), [payload]);
  const [raw, setRaw] = useState(false);
  const marker = truncated ? (
    <p className="text-xs font-medium text-amber-800" data-testid="truncated-marker">
      Truncated by the service: this is only the start of the payload.
    </p>
  ) : null;
  if (read === undefined) {
    return (
      <div className="space-y-1">
        {marker}
        <p data-testid={testId} className="text-sm italic text-zinc-400">
          {empty}
        </p>
      </div>
    );
  }
  const text = read.kind === "json" ? read.pretty : read.text;
  const tree = read.kind === "json" && typeof read.value === "object" && read.value !== null && !raw;
  return (
    <div className="space-y-1">
      {marker}
      <div className="relative">
        <div className="absolute right-1.5 top-1.5 z-10 flex gap-1">
          {read.kind === "json" && typeof read.value === "object" && read.value !== null ? (
            <button
              type="button"
              onClick={() => setRaw(!raw)}
              className="rounded border border-zinc-300 bg-white px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-100"
            >
              {raw ? "Tree" : "Raw"}
            </button>
          ) : null}
          <CopyButton value={text} />
        </div>
        <div
          data-testid={testId}
          className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 pr-24 font-mono text-xs leading-relaxed text-zinc-800"
        >
          {tree ? <JsonNode value={read.value} depth={0} /> : <pre className="whitespace-pre-wrap break-all">{text}</pre>}
        </div>
      </div>
    </div>
  );
}
