"use client";

/**
 * A drop-down of event types with counts; ticking types keeps only those events.
 *
 * @example <EventTypeFilter counts={countEventTypes(rows)} selected={types} onChange={setTypes} />
 */
export function EventTypeFilter({
  counts,
  selected,
  onChange,
}: {
  counts: ReadonlyArray<[string, number]>;
  selected: ReadonlySet<string>;
  onChange: (types: ReadonlySet<string>) => void;
}) {
  const toggle = (type: string) => {
    const next = new Set(selected);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    onChange(next);
  };
  return (
    <details className="relative" data-testid="event-type-filter">
      <summary className="cursor-pointer list-none rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100">
        {selected.size === 0 ? "All types" : `${selected.size} ${selected.size === 1 ? "type" : "types"}`} ▾
      </summary>
      <div className="absolute left-0 z-20 mt-1 max-h-80 w-72 overflow-y-auto rounded-md border border-zinc-200 bg-white p-2 shadow-lg">
        {selected.size > 0 ? (
          <button type="button" className="mb-1 text-xs text-sky-700 hover:underline" onClick={() => onChange(new Set())}>
            Show all types
          </button>
        ) : null}
        {counts.map(([type, n]) => (
          <label key={type} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-xs hover:bg-zinc-50">
            <input type="checkbox" checked={selected.has(type)} onChange={() => toggle(type)} />
            <span className="flex-1 font-mono">{type}</span>
            <span className="text-zinc-400">{n.toLocaleString("en-US")}</span>
          </label>
        ))}
      </div>
    </details>
  );
}
