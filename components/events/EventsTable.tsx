"use client";
import type { EventRow } from "@durable-lens/sdk/history";
import { memo, useEffect, useRef } from "react";
import { formatTimestamp } from "@/lib/format";
import { useVirtualRows } from "./use-virtual-rows";

const ROW_HEIGHT = 30;
const COLUMNS = "grid grid-cols-[2.75rem_6.25rem_9.5rem_6.5rem_8rem_6rem_minmax(8rem,1fr)] gap-x-2";

/** Only the time of day: the date is the same for nearly every event, and in the header. */
function time(d: Date | undefined): string {
  return d ? formatTimestamp(d, true).slice(11) : "—";
}

const Row = memo(function Row({ row, selected, onSelect, top }: { row: EventRow; selected: boolean; onSelect: (row: EventRow) => void; top: number }) {
  const failed = /Failed|TimedOut|Stopped/.test(row.type);
  return (
    <div
      role="row"
      aria-selected={selected}
      data-testid="event-row"
      data-event-id={row.eventId}
      onClick={() => onSelect(row)}
      style={{ top, height: ROW_HEIGHT }}
      className={`${COLUMNS} absolute inset-x-0 cursor-pointer items-center border-b border-zinc-100 px-3 text-xs ${
        selected ? "bg-sky-100" : "hover:bg-zinc-50"
      }`}
    >
      <span role="cell" className="font-mono text-zinc-500">{row.eventId ?? "—"}</span>
      <span role="cell" className="font-mono text-zinc-600">{time(row.timestamp)}</span>
      <span role="cell" className={`truncate font-mono ${failed ? "text-red-700" : "text-zinc-900"}`}>{row.type}</span>
      <span role="cell" className="truncate text-zinc-600">{row.subType ?? ""}</span>
      <span role="cell" className="truncate font-mono" title={row.name}>
        {row.name ?? ""}
      </span>
      <span role="cell" className="truncate font-mono text-zinc-500" title={row.operationId}>
        {row.operationId ?? ""}
      </span>
      <span role="cell" className="truncate text-zinc-700" title={row.details}>
        {row.details}
      </span>
    </div>
  );
});

/**
 * Every event as a table row (type, sub type, name, id, time, details), rendering only the rows on
 * screen, so 20,000 events scroll as smoothly as 20.
 *
 * @example <EventsTable rows={filtered} selectedEventId={12} onSelect={(row) => select(row.eventId)} />
 */
export function EventsTable({
  rows,
  selectedEventId,
  onSelect,
}: {
  rows: readonly EventRow[];
  selectedEventId: number | undefined;
  onSelect: (row: EventRow) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, totalHeight, reveal } = useVirtualRows(scrollRef, rows.length, ROW_HEIGHT);

  // Keeps the selection on screen when it moves by keyboard or arrives from the URL.
  const selectedIndex = selectedEventId === undefined ? -1 : rows.findIndex((r) => r.eventId === selectedEventId);
  useEffect(() => {
    if (selectedIndex >= 0) reveal(selectedIndex);
  }, [selectedIndex, reveal]);

  return (
    <div className="flex h-full flex-col" role="table" aria-label="History events" aria-rowcount={rows.length}>
      <div role="row" className={`${COLUMNS} shrink-0 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-[11px] font-semibold uppercase tracking-wide text-zinc-500`}>
        <span role="columnheader">#</span>
        <span role="columnheader">Time</span>
        <span role="columnheader">Type</span>
        <span role="columnheader">Sub type</span>
        <span role="columnheader">Name</span>
        <span role="columnheader">Id</span>
        <span role="columnheader">Details</span>
      </div>
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-y-auto" data-testid="events-scroll">
        {rows.length === 0 ? <p className="p-6 text-sm text-zinc-500">No events match. Clear the search or the type filter to see them all.</p> : null}
        <div style={{ height: totalHeight }} className="relative">
          {rows.slice(start, end).map((row, i) => (
            <Row key={row.index} row={row} top={(start + i) * ROW_HEIGHT} selected={row.eventId === selectedEventId} onSelect={onSelect} />
          ))}
        </div>
      </div>
    </div>
  );
}
