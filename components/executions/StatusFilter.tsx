"use client";
import type { ExecutionStatus } from "@durable-lens/sdk/protocol";
import { EXECUTION_STATUSES } from "@/lib/filters";

/** Toggle buttons for the statuses to show, any number at once; none selected means all. */
export function StatusFilter({ selected, onChange }: { selected: ExecutionStatus[]; onChange: (next: ExecutionStatus[]) => void }) {
  const toggle = (status: ExecutionStatus) =>
    onChange(selected.includes(status) ? selected.filter((s) => s !== status) : EXECUTION_STATUSES.filter((s) => s === status || selected.includes(s)));
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 font-mono text-xs ${active ? "border-zinc-900 bg-zinc-900 text-white" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100"}`;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filter by status">
      <button type="button" className={chip(selected.length === 0)} aria-pressed={selected.length === 0} onClick={() => onChange([])}>
        ALL
      </button>
      {EXECUTION_STATUSES.map((status) => (
        <button key={status} type="button" className={chip(selected.includes(status))} aria-pressed={selected.includes(status)} onClick={() => toggle(status)}>
          {status}
        </button>
      ))}
    </div>
  );
}
