"use client";
import { countEventTypes, type EventRow } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";
import { EventsJson } from "./EventsJson";
import { EventsTable } from "./EventsTable";
import { EventTypeFilter } from "./EventTypeFilter";
import { historyDocument, historyFileName } from "./history-file";

function download(events: readonly Event[], name: string) {
  const url = URL.createObjectURL(new Blob([historyDocument(events)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = historyFileName(name);
  a.click();
  // The click has started the download; the object URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The Events tab: the filtered events as a table or JSON, a type filter, and the whole history as
 * a download. Text filtering comes from the page's search box.
 *
 * @example <EventsView events={events} rows={rows} filtered={filtered} types={types} onTypesChange={setTypes} ... />
 */
export function EventsView({
  events,
  rows,
  filtered,
  types,
  onTypesChange,
  selectedEventId,
  onSelect,
  executionName,
}: {
  events: readonly Event[];
  rows: readonly EventRow[];
  filtered: readonly EventRow[];
  types: ReadonlySet<string>;
  onTypesChange: (types: ReadonlySet<string>) => void;
  selectedEventId: number | undefined;
  onSelect: (row: EventRow) => void;
  executionName: string;
}) {
  const [mode, setMode] = useState<"table" | "json">("table");
  const counts = useMemo(() => countEventTypes(rows), [rows]);
  const filteredEvents = useMemo(
    () => (mode === "json" ? filtered.map((r) => events[r.index]).filter((e): e is Event => e !== undefined) : []),
    [mode, filtered, events],
  );
  return (
    <div className="flex h-full flex-col" data-testid="events-view">
      <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2">
        <EventTypeFilter counts={counts} selected={types} onChange={onTypesChange} />
        <span className="text-xs text-zinc-500" data-testid="events-count">
          {filtered.length === rows.length ? `${rows.length.toLocaleString("en-US")} events` : `${filtered.length.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} events`}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <div className="flex overflow-hidden rounded border border-zinc-300 text-xs" role="group" aria-label="Show events as">
            {(["table", "json"] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
                className={`px-2 py-1 ${mode === m ? "bg-zinc-800 text-white" : "bg-white text-zinc-700 hover:bg-zinc-100"}`}
              >
                {m === "table" ? "Table" : "JSON"}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={() => download(events, executionName)}
            className="rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100"
            data-testid="download-history"
          >
            Download JSON
          </button>
        </div>
      </div>
      <div className="min-h-0 flex-1">
        {mode === "table" ? <EventsTable rows={filtered} selectedEventId={selectedEventId} onSelect={onSelect} /> : <EventsJson events={filteredEvents} />}
      </div>
    </div>
  );
}
