"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useFunctions, useTarget } from "@/lib/queries";
import { functionNameMatches } from "@/lib/filters";
import { functionPath } from "@/lib/segments";
import { useListNavigation } from "@/lib/use-list-navigation";
import { EmptyState } from "@/components/ui/EmptyState";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { Kbd } from "@/components/ui/Kbd";
import { SkeletonRows } from "@/components/ui/Skeleton";
import { FunctionCounts } from "./FunctionCounts";

/** What to do when the target has no durable functions, which depends on the target. */
function NoFunctions() {
  const { data: target } = useTarget();
  if (target?.target === "aws") {
    return (
      <EmptyState title={`No durable functions in ${target.region}`}>
        <p>Durable Lens lists the Lambda functions that have a durable configuration (DurableConfig).</p>
        <p>Check the region (AWS_REGION) and the account your credentials belong to, or create a durable function.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="The local service has no durable functions">
      <p>
        Start it with <code className="font-mono">npm start</code> to get the sample functions, or register your own functions with the local
        service.
      </p>
    </EmptyState>
  );
}

/** The target's durable functions with their running and failed counts; j/k to move, Enter to open, / to filter. */
export function FunctionList() {
  const router = useRouter();
  const { data, error, isPending, refetch, isFetching } = useFunctions();
  const [query, setQuery] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => {
    const all = data?.functions ?? [];
    return all.filter((f) => functionNameMatches(f.name, query));
  }, [data, query]);
  const keys = useMemo(() => shown.map((f) => f.name), [shown]);
  const { active, setActive } = useListNavigation({ keys, onOpen: (name) => router.push(functionPath(name)), searchRef });

  if (isPending) return <SkeletonRows rows={3} columns={3} label="Loading durable functions…" />;
  if (error) {
    return (
      <QueryErrorBox title="Could not list the durable functions" error={error}>
        <button type="button" onClick={() => refetch()} disabled={isFetching} className="rounded border border-red-300 bg-white px-3 py-1 text-sm hover:bg-red-100">
          {isFetching ? "Retrying…" : "Try again"}
        </button>
      </QueryErrorBox>
    );
  }
  if (data.functions.length === 0) return <NoFunctions />;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="relative block w-full max-w-sm">
          <span className="sr-only">Filter functions by name</span>
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()}
            placeholder="Filter functions by name…"
            data-testid="function-search"
            className="w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 pr-8 text-sm placeholder:text-zinc-400"
          />
          <span className="pointer-events-none absolute right-2 top-1.5">
            <Kbd>/</Kbd>
          </span>
        </label>
        <p className="text-xs text-zinc-500">
          <Kbd>j</Kbd> <Kbd>k</Kbd> to move, <Kbd>Enter</Kbd> to open
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState
          title={`No function name contains “${query.trim()}”`}
          action={
            <button type="button" onClick={() => setQuery("")} className="text-sm text-sky-700 hover:underline">
              Clear the filter
            </button>
          }
        />
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white" data-testid="function-list">
          {shown.map((fn) => (
            <li
              key={fn.arn || fn.name}
              data-row-key={fn.name}
              data-testid="function-row"
              aria-current={active === fn.name ? "true" : undefined}
              onMouseEnter={() => setActive(fn.name)}
              className={`flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 ${active === fn.name ? "bg-sky-50 shadow-[inset_3px_0_0_var(--color-sky-500)]" : ""}`}
            >
              <div className="min-w-0 flex-1">
                <Link href={functionPath(fn.name)} className="font-mono text-sm font-semibold text-sky-800 hover:underline" data-testid="function-link">
                  {fn.name}
                </Link>
                {fn.description ? <p className="mt-0.5 text-sm text-zinc-600">{fn.description}</p> : null}
                <p className="mt-0.5 truncate font-mono text-xs text-zinc-400">{fn.arn}</p>
              </div>
              <FunctionCounts name={fn.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
