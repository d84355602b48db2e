"use client";
import Link from "next/link";
import type { StatusCount } from "@/lib/api-types";
import { useFunctionCounts } from "@/lib/queries";
import { functionPath } from "@/lib/segments";
import { Skeleton } from "@/components/ui/Skeleton";

function countText(c: StatusCount): string {
  return c.more ? `${c.count.toLocaleString("en-US")}+` : c.count.toLocaleString("en-US");
}

function CountLink({ name, status, count, word, tone }: { name: string; status: string; count: StatusCount; word: string; tone: string }) {
  const zero = count.count === 0;
  return (
    <Link
      href={`${functionPath(name)}?status=${status}`}
      data-testid={`count-${word}`}
      data-count={count.count}
      title={`Show the ${word} executions`}
      className={`inline-flex items-center gap-1 rounded-md px-2 py-0.5 font-mono text-xs ring-1 ring-inset ${
        zero ? "text-zinc-400 ring-zinc-200 hover:bg-zinc-100" : `${tone} hover:brightness-95`
      }`}
    >
      {status === "RUNNING" && !zero ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-500" aria-hidden /> : null}
      {countText(count)} {word}
    </Link>
  );
}

/** Running and failed counts of one function, each linking to the list filtered by that status. */
export function FunctionCounts({ name }: { name: string }) {
  const { data, error } = useFunctionCounts(name);
  if (error) {
    return (
      <span className="text-xs text-zinc-400" title={error.message} data-testid="counts-error">
        counts unavailable
      </span>
    );
  }
  if (!data) {
    return (
      <span className="flex gap-2" aria-label="Counting executions">
        <Skeleton className="h-5 w-20" />
        <Skeleton className="h-5 w-16" />
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-2">
      <CountLink name={name} status="RUNNING" count={data.running} word="running" tone="bg-sky-50 text-sky-800 ring-sky-600/30" />
      <CountLink name={name} status="FAILED" count={data.failed} word="failed" tone="bg-red-50 text-red-800 ring-red-600/30" />
    </span>
  );
}
