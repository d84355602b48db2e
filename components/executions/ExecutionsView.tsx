"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ExecutionFilter } from "@/lib/queries";
import { useExecutions } from "@/lib/queries";
import { filterFromSearchParams, filterToSearch } from "@/lib/filters";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { executionPath } from "@/lib/segments";
import { useNow } from "@/lib/use-now";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { StatusFilter } from "./StatusFilter";

/** A function's executions with a status filter and paging, all kept in the URL. */
export function ExecutionsView({ functionName }: { functionName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const filter = filterFromSearchParams(useSearchParams());
  const { data, error, isPending, isFetching } = useExecutions(functionName, filter);
  const anyRunning = data?.executions.some((e) => e.status === "RUNNING") ?? false;
  const now = useNow(anyRunning);

  const navigate = (next: ExecutionFilter) => {
    const search = filterToSearch(next);
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusFilter selected={filter.statuses} onChange={(statuses) => navigate({ statuses, order: filter.order })} />
        <label className="flex items-center gap-2 text-sm text-zinc-600">
          Order
          <select
            className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm"
            value={filter.order}
            onChange={(e) => navigate({ statuses: filter.statuses, order: e.target.value === "oldest" ? "oldest" : "newest" })}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
      </div>

      {isPending ? (
        <Loading label="Loading executions…" />
      ) : error ? (
        <QueryErrorBox title={`Could not list the executions of ${functionName}`} error={error} />
      ) : data.executions.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-6 text-sm text-zinc-600">
          No executions{filter.statuses.length > 0 ? ` with status ${filter.statuses.join(" or ")}` : ""}.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="min-w-full text-sm" data-testid="executions-table">
            <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 font-medium">Started</th>
                <th className="px-4 py-2 font-medium">Duration</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.executions.map((e) => (
                <tr key={e.arn} className="hover:bg-zinc-50" data-testid="execution-row">
                  <td className="px-4 py-2">
                    <Link href={executionPath(e.arn)} className="font-mono font-medium text-sky-800 hover:underline">
                      {e.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <StatusBadge status={e.status} />
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-600">{formatTimestamp(e.startedAt)}</td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-600">
                    {formatDuration(durationBetween(e.startedAt, e.endedAt, e.status === "RUNNING" ? now : undefined))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="flex items-center justify-between text-sm">
        <span className="text-xs text-zinc-400">{isFetching && !isPending ? "Refreshing…" : anyRunning ? "Refreshing while executions run" : ""}</span>
        <span className="flex gap-3">
          {filter.marker ? (
            <button type="button" className="text-sky-700 hover:underline" onClick={() => navigate({ statuses: filter.statuses, order: filter.order })}>
              ← First page
            </button>
          ) : null}
          {data?.nextMarker ? (
            <button
              type="button"
              className="text-sky-700 hover:underline"
              onClick={() => navigate({ statuses: filter.statuses, order: filter.order, marker: data.nextMarker })}
            >
              Next page →
            </button>
          ) : null}
        </span>
      </div>
    </div>
  );
}
