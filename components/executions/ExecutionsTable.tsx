"use client";
import Link from "next/link";
import type { ExecutionSummary } from "@/lib/api-types";
import { durationBetween, formatDuration, formatTimestamp } from "@/lib/format";
import { executionPath } from "@/lib/segments";
import { StatusBadge } from "@/components/ui/StatusBadge";
import type { RowSelection } from "./use-row-selection";

/** The header box: ticks every running row of the page, or clears them. */
function SelectAll({ selection }: { selection: RowSelection }) {
  const { selected, selectable } = selection;
  const all = selectable.length > 0 && selected.size === selectable.length;
  return (
    <input
      type="checkbox"
      aria-label="Select every running execution on this page"
      data-testid="select-all-rows"
      disabled={selectable.length === 0}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = selected.size > 0 && !all;
      }}
      onChange={(e) => selection.setAll(e.currentTarget.checked)}
    />
  );
}

/**
 * One page of executions; `active` is the row j/k moved to. With a `selection`, running rows get
 * a box to tick for "Stop selected" (shift-click ticks a range).
 */
export function ExecutionsTable({
  executions,
  active,
  onHover,
  now,
  stale,
  selection,
}: {
  executions: ExecutionSummary[];
  active: string | undefined;
  onHover: (arn: string) => void;
  now: number;
  /** Rows of the previous filter, shown dimmed while the new ones load. */
  stale: boolean;
  selection?: RowSelection;
}) {
  const selectable = new Set(selection?.selectable);
  const showVersion = executions.some((e) => e.version && e.version !== "$LATEST");
  return (
    <div className={`overflow-x-auto rounded-lg border border-zinc-200 bg-white transition-opacity ${stale ? "opacity-60" : ""}`}>
      <table className="min-w-full text-sm" data-testid="executions-table" aria-busy={stale || undefined}>
        <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            {selection ? (
              <th className="w-8 py-2 pl-4">
                <SelectAll selection={selection} />
              </th>
            ) : null}
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
              aria-selected={selection ? selection.selected.has(e.arn) : undefined}
              className={active === e.arn ? "bg-sky-50 shadow-[inset_3px_0_0_var(--color-sky-500)]" : "hover:bg-zinc-50"}
            >
              {selection ? (
                <td className="w-8 py-2 pl-4">
                  <input
                    type="checkbox"
                    aria-label={`Select ${e.name}`}
                    data-testid="row-select"
                    disabled={!selectable.has(e.arn)}
                    title={selectable.has(e.arn) ? undefined : "Only running executions can be stopped"}
                    checked={selection.selected.has(e.arn)}
                    // onClick, not onChange, because it carries shiftKey for range selection.
                    onClick={(ev) => selection.click(e.arn, ev.currentTarget.checked, ev.shiftKey)}
                    readOnly
                  />
                </td>
              ) : null}
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
