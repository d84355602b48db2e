"use client";
import Link from "next/link";
import type { ExecutionSummary } from "@/lib/api-types";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { executionPath } from "@/lib/segments";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** One page of executions; `active` is the row j/k moved to. */
export function ExecutionsTable({
  executions,
  active,
  onHover,
  now,
  stale,
}: {
  executions: ExecutionSummary[];
  active: string | undefined;
  onHover: (arn: string) => void;
  now: number;
  /** Rows of the previous filter, shown dimmed while the new ones load. */
  stale: boolean;
}) {
  const showVersion = executions.some((e) => e.version && e.version !== "$LATEST");
  return (
    <div className={`overflow-x-auto rounded-lg border border-zinc-200 bg-white transition-opacity ${stale ? "opacity-60" : ""}`}>
      <table className="min-w-full text-sm" data-testid="executions-table" aria-busy={stale || undefined}>
        <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Status</th>
            {showVersion ? <th className="px-4 py-2 font-medium">Version</th> : null}
            <th className="px-4 py-2 font-medium">Started</th>
            <th className="px-4 py-2 font-medium">Ended</th>
            <th className="px-4 py-2 font-medium">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {executions.map((e) => (
            <tr
              key={e.arn}
              data-row-key={e.arn}
              data-testid="execution-row"
              aria-current={active === e.arn ? "true" : undefined}
              onMouseEnter={() => onHover(e.arn)}
              className={active === e.arn ? "bg-sky-50 shadow-[inset_3px_0_0_var(--color-sky-500)]" : "hover:bg-zinc-50"}
            >
              <td className="px-4 py-2">
                <Link href={executionPath(e.arn)} className="font-mono font-medium text-sky-800 hover:underline">
                  {e.name}
                </Link>
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={e.status} />
              </td>
              {showVersion ? <td className="px-4 py-2 font-mono text-xs text-zinc-600">{e.version ?? "—"}</td> : null}
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs text-zinc-600">{formatTimestamp(e.startedAt)}</td>
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs text-zinc-600">{e.endedAt ? formatTimestamp(e.endedAt) : "—"}</td>
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs text-zinc-600">
                {formatDuration(durationBetween(e.startedAt, e.endedAt, e.status === "RUNNING" ? now : undefined))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
