"use client";
import { fromLocalInput, RANGE_PRESETS, rangeProblem, toLocalInput, type ExecutionFilter, type RangePreset } from "@/lib/filters";

type RangeChange = Pick<ExecutionFilter, "range" | "from" | "to">;

const inputClass = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm";

/**
 * Start-time range: all time, a relative preset, or custom bounds (either may be open).
 * Choosing "Custom" starts from the last 24 hours so the two fields have something to edit.
 */
export function TimeRangeFilter({ filter, onChange }: { filter: ExecutionFilter; onChange: (change: RangeChange) => void }) {
  const custom = !filter.range && Boolean(filter.from || filter.to);
  const selectValue = filter.range ?? (custom ? "custom" : "all");
  const problem = rangeProblem(filter);

  const choose = (value: string) => {
    if (value === "all") onChange({ range: undefined, from: undefined, to: undefined });
    else if (value === "custom") onChange({ range: undefined, from: new Date(Date.now() - 24 * 3600_000).toISOString(), to: undefined });
    else onChange({ range: value as RangePreset, from: undefined, to: undefined });
  };

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
      <label className="flex items-center gap-2">
        Started
        <select className={inputClass} value={selectValue} onChange={(e) => choose(e.target.value)} data-testid="range-select">
          <option value="all">Any time</option>
          {RANGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {custom ? (
        <>
          <label className="flex items-center gap-1">
            <span className="sr-only">Started after</span>
            <input
              type="datetime-local"
              className={inputClass}
              value={toLocalInput(filter.from)}
              onChange={(e) => onChange({ range: undefined, from: fromLocalInput(e.target.value), to: filter.to })}
              data-testid="range-from"
            />
          </label>
          <span aria-hidden>–</span>
          <label className="flex items-center gap-1">
            <span className="sr-only">Started before</span>
            <input
              type="datetime-local"
              className={inputClass}
              value={toLocalInput(filter.to)}
              onChange={(e) => onChange({ range: undefined, from: filter.from, to: fromLocalInput(e.target.value) })}
              data-testid="range-to"
            />
          </label>
          {problem ? <span className="text-xs text-red-700">{problem}</span> : null}
        </>
      ) : null}
    </div>
  );
}
