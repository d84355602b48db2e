"use client";
import type { Event } from "@durable-lens/sdk/protocol";
import { useMemo, useRef } from "react";
import { jsonLines } from "./history-file";
import { useVirtualRows } from "./use-virtual-rows";

const LINE_HEIGHT = 18;

/**
 * The events as pretty-printed JSON, rendering only the lines on screen.
 *
 * @example <EventsJson events={filtered.map((r) => events[r.index])} />
 */
export function EventsJson({ events }: { events: readonly Event[] }) {
  const lines = useMemo(() => jsonLines(events), [events]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, totalHeight } = useVirtualRows(scrollRef, lines.length, LINE_HEIGHT);
  return (
    <div ref={scrollRef} className="h-full overflow-auto bg-zinc-50 font-mono text-xs text-zinc-800" data-testid="events-json">
      <div style={{ height: totalHeight }} className="relative min-w-max">
        {lines.slice(start, end).map((line, i) => (
          <div key={start + i} className="absolute left-0 whitespace-pre px-3" style={{ top: (start + i) * LINE_HEIGHT, height: LINE_HEIGHT, lineHeight: `${LINE_HEIGHT}px` }}>
            {line}
          </div>
        ))}
      </div>
    </div>
  );
}
