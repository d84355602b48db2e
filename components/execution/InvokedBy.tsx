"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ParentLookupResponse } from "@/lib/parent-lookup-types";
import { getJson } from "@/lib/queries";
import { executionPath } from "@/lib/segments";

/**
 * "invoked by <parent> ↗" for an execution a chained invoke started, linking to the parent's
 * invoke operation. The service does not name the caller, so the server searches for it; when
 * that search stopped early without finding one, a quiet note says how far it looked.
 *
 * @example <InvokedBy arn={execution.arn} />
 */
export function InvokedBy({ arn }: { arn: string }) {
  const { data } = useQuery({
    queryKey: ["parent", arn],
    queryFn: ({ signal }) => getJson<ParentLookupResponse>(`/api/executions/${encodeURIComponent(arn)}/parent`, signal),
    // Who started an execution never changes.
    staleTime: Infinity,
  });
  if (!data) return null;
  const { parent } = data;
  if (parent) {
    return (
      <p className="text-sm text-zinc-600" data-testid="invoked-by">
        invoked by{" "}
        <Link
          href={`${executionPath(parent.arn)}?op=${encodeURIComponent(parent.operationId)}`}
          className="font-mono text-sky-800 hover:underline"
          title={`${parent.functionName} · ${parent.arn}`}
          data-testid="invoked-by-link"
        >
          {parent.name} ↗
        </Link>
        <span className="ml-1 text-xs text-zinc-500">
          ({parent.functionName}
          {parent.operationName ? ` · ${parent.operationName}` : ""})
        </span>
      </p>
    );
  }
  if (!data.partial) return null;
  return (
    <p className="text-xs text-zinc-400" data-testid="invoked-by-unknown">
      No invoking execution found among the {data.executionsSearched} executions read in {data.functionsSearched} of {data.functionsTotal} functions; the search
      stopped there.
    </p>
  );
}
