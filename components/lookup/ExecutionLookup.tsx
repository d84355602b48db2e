"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { ExecutionLookupResponse } from "@/lib/execution-lookup-types";
import { getJson } from "@/lib/queries";
import { executionPath } from "@/lib/segments";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { lookupSummary } from "./lookup-text";

type LookupState =
  | { kind: "idle" }
  | { kind: "searching"; query: string }
  | { kind: "done"; query: string; result: ExecutionLookupResponse }
  | { kind: "failed"; query: string; message: string };

/**
 * The header's "find an execution" box, on every page: an execution ARN opens that execution;
 * a name lists the executions named like it across the durable functions, and says how many
 * functions it searched when it stopped early.
 *
 * @example <ExecutionLookup />
 */
export function ExecutionLookup() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [state, setState] = useState<LookupState>({ kind: "idle" });
  const box = useRef<HTMLDivElement>(null);
  const asked = useRef<AbortController | null>(null);

  // A click anywhere else closes the results, as a menu would.
  useEffect(() => {
    if (state.kind === "idle") return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setState({ kind: "idle" });
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [state.kind]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const query = text.trim();
    if (!query) return;
    asked.current?.abort();
    const controller = new AbortController();
    asked.current = controller;
    setState({ kind: "searching", query });
    try {
      const result = await getJson<ExecutionLookupResponse>(`/api/lookup?q=${encodeURIComponent(query)}`, controller.signal);
      if (controller.signal.aborted) return;
      const only = result.executions[0];
      if (result.by === "arn" && only) {
        setState({ kind: "idle" });
        setText("");
        router.push(executionPath(only.arn));
        return;
      }
      setState({ kind: "done", query, result });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: "failed", query, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const close = () => setState({ kind: "idle" });
  return (
    <div ref={box} className="relative">
      <form role="search" aria-label="Find an execution" onSubmit={submit}>
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && close()}
          placeholder="Find execution: name or ARN"
          aria-label="Find an execution by name or ARN"
          data-testid="header-search"
          className="w-64 rounded-md border border-white/10 bg-white/10 px-2.5 py-1 text-sm text-chrome-fg placeholder:text-chrome-muted focus:w-80 focus:border-sky-400 focus:outline-none"
        />
      </form>
      {state.kind !== "idle" ? (
        <div
          className="absolute right-0 z-50 mt-1 w-[28rem] max-w-[90vw] rounded-lg border border-zinc-200 bg-white p-2 text-sm text-zinc-800 shadow-lg"
          data-testid="lookup-results"
        >
          {state.kind === "searching" ? (
            <p className="p-2 text-zinc-500" role="status">
              Searching for “{state.query}”…
            </p>
          ) : state.kind === "failed" ? (
            <p className="p-2 text-red-700" role="alert" data-testid="lookup-error">
              {state.message}
            </p>
          ) : (
            <>
              {state.result.executions.length > 0 ? (
                <ul className="max-h-80 divide-y divide-zinc-100 overflow-y-auto">
                  {state.result.executions.map((x) => (
                    <li key={x.arn}>
                      <Link
                        href={executionPath(x.arn)}
                        onClick={close}
                        className="flex items-center justify-between gap-3 rounded px-2 py-1.5 hover:bg-sky-50"
                        data-testid="lookup-result"
                      >
                        <span className="min-w-0">
                          <span className="block truncate font-mono font-medium text-sky-800">{x.name}</span>
                          <span className="block truncate font-mono text-xs text-zinc-500">{x.functionName}</span>
                        </span>
                        <StatusBadge status={x.status} />
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="px-2 pt-1.5 text-xs text-zinc-500" role="status" data-testid="lookup-summary">
                {lookupSummary(state.result, state.query)}
              </p>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
