"use client";
import Link from "next/link";
import { useFunctions } from "@/lib/queries";
import { functionPath } from "@/lib/segments";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";

/** The target's durable functions, each linking to its executions. */
export function FunctionList() {
  const { data, error, isPending } = useFunctions();
  if (isPending) return <Loading label="Loading durable functions…" />;
  if (error) return <QueryErrorBox title="Could not list the durable functions" error={error} />;
  if (data.functions.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-6 text-sm text-zinc-600">
        No durable functions found. Functions appear here once they have a durable configuration.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white" data-testid="function-list">
      {data.functions.map((fn) => (
        <li key={fn.arn || fn.name}>
          <Link href={functionPath(fn.name)} className="block px-4 py-3 hover:bg-zinc-50" data-testid="function-link">
            <span className="font-mono text-sm font-semibold text-sky-800">{fn.name}</span>
            {fn.description ? <span className="mt-0.5 block text-sm text-zinc-600">{fn.description}</span> : null}
            <span className="mt-0.5 block truncate font-mono text-xs text-zinc-400">{fn.arn}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
