"use client";
import { operationLabel, type InvocationLane, type TimelineModel, type TimelineRow, type TimelineSegment } from "@durable-lens/sdk/history";
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { formatDuration, formatTimestamp } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { operationMatches } from "@/components/execution/selection";
import { useVirtualRows } from "@/components/events/use-virtual-rows";
import { TypeIcon } from "@/components/graph/TypeIcon";
import { statusStyle } from "@/components/ui/status";
import { operationStanding } from "@/components/execution/operation-standing";
import { Countdown } from "./Countdown";
import { segmentStyle, segmentTitle } from "./segment-style";
import { offsetLabel, ticks, timeScale, type TimeScale } from "./time-scale";

const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 28;
const LABEL_WIDTH = 272;
/** Room right of the last instant, so the end of the execution and the last tick label stay readable. */
const PLOT_PAD = 40;
/** Zoom doubles per step up to this factor: enough to see a 1 ms attempt in a day-long execution. */
const MAX_ZOOM = 128;

/** Above this many invocations their lanes start folded into one row, so operations stay in view. */
const LANES_OPEN_MAX = 12;

type Item =
  | { kind: "heading"; text: string; toggle?: { open: boolean; count: number } }
  | { kind: "lanes"; lanes: readonly InvocationLane[] }
  | { kind: "lane"; lane: InvocationLane }
  | { kind: "row"; row: TimelineRow };

interface Geometry {
  scale: TimeScale;
  width: number;
  now: number;
}

function Bar({ s, g, ending }: { s: TimelineSegment; g: Geometry; ending: string | undefined }) {
  const end = s.end ?? g.now;
  const left = g.scale.at(s.start) * g.width;
  const width = Math.max(3, (g.scale.at(end) - g.scale.at(s.start)) * g.width);
  const thin = s.kind === "run";
  return (
    <div
      data-testid="timeline-bar"
      data-kind={s.kind}
      data-status={s.status}
      data-cut-off={s.cutOff ? "true" : undefined}
      title={segmentTitle(s, formatDuration(end - s.start), ending)}
      className={`absolute rounded-sm ${s.end === undefined ? "animate-pulse" : ""}`}
      style={{ left, width, top: thin ? 10 : 5, height: thin ? 6 : 16, ...segmentStyle(s) }}
    />
  );
}

const RowView = memo(function RowView({
  row,
  g,
  top,
  selected,
  inFocusedLane,
  onSelect,
}: {
  row: TimelineRow;
  g: Geometry;
  top: number;
  selected: boolean;
  inFocusedLane: boolean;
  onSelect: (id: string) => void;
}) {
  const op = row.operation;
  const standing = operationStanding(op);
  const ending = op.abandoned ? standing.summary : undefined;
  const deadlineX = row.deadline ? g.scale.at(row.deadline.at) * g.width : undefined;
  return (
    <div
      data-testid="timeline-row"
      data-op-id={op.id}
      data-status={op.status}
      data-abandoned={op.abandoned ? "true" : undefined}
      aria-selected={selected}
      onClick={() => onSelect(op.id)}
      className={`absolute inset-x-0 flex cursor-pointer ${selected ? "bg-sky-100" : inFocusedLane ? "bg-amber-50" : "hover:bg-zinc-50"}`}
      style={{ top, height: ROW_HEIGHT }}
    >
      <div
        className={`sticky left-0 z-10 flex shrink-0 items-center gap-1.5 border-r border-zinc-200 pr-2 text-xs ${selected ? "bg-sky-100" : inFocusedLane ? "bg-amber-50" : "bg-white"}`}
        style={{ width: LABEL_WIDTH, paddingLeft: 8 + Math.min(row.depth, 12) * 12 }}
        title={`${operationLabel(op)} · ${standing.label}${ending ? ` · ${ending}` : ""}${row.invocations.length ? ` · ran in invocation ${row.invocations.join(", ")}` : ""}`}
      >
        <span className="h-2 w-2 shrink-0 rounded-full" style={{ background: statusStyle(standing.label).hex }} />
        <TypeIcon type={op.type} className="h-3 w-3 shrink-0 text-zinc-500" />
        <span className="min-w-0 flex-1 truncate font-mono" data-testid="timeline-row-name">
          {operationLabel(op)}
        </span>
        {op.attempts.length > 1 ? <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] text-amber-800">×{op.attempts.length}</span> : null}
        {ending ? (
          <span className="shrink-0 rounded border border-dashed border-zinc-400 px-1 text-[10px] text-zinc-600" data-testid="timeline-row-abandoned" title={ending}>
            {standing.label.toLowerCase()}
          </span>
        ) : null}
        {row.deadline ? (
          <span className="shrink-0 text-[10px] text-zinc-500" title={`${row.deadline.kind.replace(/-/g, " ")} at ${formatTimestamp(new Date(row.deadline.at), true)}`}>
            <Countdown at={row.deadline.at} />
          </span>
        ) : null}
      </div>
      <div className="relative shrink-0" style={{ width: g.width + PLOT_PAD }}>
        {row.segments.map((s, i) => (
          <Bar key={i} s={s} g={g} ending={ending} />
        ))}
        {deadlineX !== undefined ? (
          <div className="absolute bottom-1 top-1 w-0 border-l-2 border-dotted border-red-400" style={{ left: deadlineX }} title={row.deadline!.kind.replace(/-/g, " ")} data-testid="timeline-deadline" />
        ) : null}
      </div>
    </div>
  );
});

const LaneView = memo(function LaneView({
  lane,
  g,
  top,
  focused,
  ranSelected,
  names,
  onFocus,
}: {
  lane: InvocationLane;
  g: Geometry;
  top: number;
  focused: boolean;
  ranSelected: boolean;
  names: string;
  onFocus: (lane: InvocationLane) => void;
}) {
  const end = lane.end ?? g.now;
  const left = lane.start === undefined ? undefined : g.scale.at(lane.start) * g.width;
  const width = lane.start === undefined ? 0 : Math.max(3, (g.scale.at(end) - g.scale.at(lane.start)) * g.width);
  const colour = lane.error ? "#ef4444" : lane.unfinished && !lane.cutOff ? "#0ea5e9" : "#52525b";
  const ops = lane.operationIds.length;
  return (
    <div
      data-testid="invocation-lane"
      data-lane={lane.number}
      data-ran-selected={ranSelected}
      onClick={() => onFocus(lane)}
      className={`absolute inset-x-0 flex cursor-pointer ${focused ? "bg-amber-50" : ranSelected ? "bg-sky-50" : "hover:bg-zinc-50"}`}
      style={{ top, height: ROW_HEIGHT }}
      title={`Invocation ${lane.number}${lane.requestId ? ` (request ${lane.requestId})` : ""}: ${ops} ${ops === 1 ? "operation" : "operations"} ran${names ? `: ${names}` : ""}`}
    >
      <div className={`sticky left-0 z-10 flex shrink-0 items-center gap-1.5 border-r border-zinc-200 px-2 text-xs ${focused ? "bg-amber-50" : ranSelected ? "bg-sky-50" : "bg-white"}`} style={{ width: LABEL_WIDTH }}>
        <span className="font-mono font-semibold text-zinc-700">#{lane.number}</span>
        <span className="min-w-0 flex-1 truncate text-zinc-500">
          {lane.unfinished ? (lane.cutOff ? "cut off by the execution's end · " : "running · ") : ""}
          {ops} {ops === 1 ? "op" : "ops"}
          {lane.start !== undefined && lane.end !== undefined ? ` · ${formatDuration(lane.end - lane.start)}` : ""}
        </span>
        {lane.error ? <span className="shrink-0 rounded bg-red-100 px-1 text-[10px] text-red-800">error</span> : null}
        {ranSelected ? <span className="shrink-0 text-[10px] text-sky-700">ran selected</span> : null}
      </div>
      <div className="relative shrink-0" style={{ width: g.width + PLOT_PAD }}>
        {left !== undefined ? <div className="absolute rounded-sm" style={{ left, width, top: 7, height: 12, background: colour, opacity: 0.8 }} /> : null}
      </div>
    </div>
  );
});

/** Every invocation in one row (they never overlap in time): the folded form of the lanes. */
const LanesSummary = memo(function LanesSummary({
  lanes,
  g,
  top,
  ranSelected,
  onFocus,
}: {
  lanes: readonly InvocationLane[];
  g: Geometry;
  top: number;
  ranSelected: ReadonlySet<number>;
  onFocus: (lane: InvocationLane) => void;
}) {
  const errors = lanes.filter((l) => l.error).length;
  return (
    <div className="absolute inset-x-0 flex" style={{ top, height: ROW_HEIGHT }} data-testid="invocation-lanes-folded">
      <div className="sticky left-0 z-10 flex shrink-0 items-center gap-1.5 border-r border-zinc-200 bg-white px-2 text-xs text-zinc-500" style={{ width: LABEL_WIDTH }}>
        all {lanes.length} invocations{errors ? ` · ${errors} with errors` : ""}
        {ranSelected.size > 0 ? <span className="text-sky-700">· {ranSelected.size} ran selected</span> : null}
      </div>
      <div className="relative shrink-0" style={{ width: g.width + PLOT_PAD }}>
        {lanes.map((lane) => {
          if (lane.start === undefined) return null;
          const left = g.scale.at(lane.start) * g.width;
          const width = Math.max(2, (g.scale.at(lane.end ?? g.now) - g.scale.at(lane.start)) * g.width);
          const colour = ranSelected.has(lane.number) ? "#0ea5e9" : lane.error ? "#ef4444" : "#52525b";
          return (
            <button
              key={lane.number}
              type="button"
              aria-label={`Invocation ${lane.number}`}
              title={`Invocation ${lane.number}: ${lane.operationIds.length} operations ran`}
              onClick={() => onFocus(lane)}
              className="absolute rounded-sm"
              style={{ left, width, top: 7, height: 12, background: colour, opacity: 0.8 }}
            />
          );
        })}
      </div>
    </div>
  );
});

function Axis({ g }: { g: Geometry }) {
  const span = g.scale.end - g.scale.start;
  const marks = ticks(span, Math.max(2, Math.floor(g.width / 110)));
  return (
    <div className="sticky top-0 z-20 flex border-b border-zinc-200 bg-zinc-50" style={{ height: AXIS_HEIGHT }}>
      <div className="sticky left-0 z-30 flex shrink-0 items-center border-r border-zinc-200 bg-zinc-50 px-2 text-[11px] text-zinc-500" style={{ width: LABEL_WIDTH }}>
        {formatTimestamp(new Date(g.scale.start), true)}
      </div>
      <div className="relative shrink-0" style={{ width: g.width + PLOT_PAD }}>
        {marks.map((t) => (
          <span key={t} className="absolute top-0 h-full whitespace-nowrap border-l border-zinc-200 pl-1 text-[10px] leading-[28px] text-zinc-500" style={{ left: (t / span) * g.width }}>
            {offsetLabel(t)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Width of the chart area, following the container. */
function useChartWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setWidth(Math.max(200, el.clientWidth - LABEL_WIDTH - PLOT_PAD - 2));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The Timeline tab: a Gantt of the operations (every attempt, back-off, wait and callback) under
 * one lane per invocation. Clicking a lane marks the operations it ran; selecting an operation
 * marks the invocations that ran it.
 *
 * @example <Timeline model={buildTimeline(projection)} selectedId={op} onSelect={select} query="" />
 */
export function Timeline({
  model,
  selectedId,
  onSelect,
  onSelectEvent,
  query,
}: {
  model: TimelineModel;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onSelectEvent: (eventId: number) => void;
  query: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<number>(1);
  const [focusedLane, setFocusedLane] = useState<number>();
  const [lanesOpen, setLanesOpen] = useState(model.lanes.length <= LANES_OPEN_MAX);
  const now = useNow(model.open);
  const baseWidth = useChartWidth(scrollRef);

  const rows = useMemo(() => {
    // The same operation search as the graph's, so both tabs show the same matches.
    if (!query.trim()) return model.rows;
    return model.rows.filter((r) => operationMatches(r.operation, query));
  }, [model.rows, query]);
  const items = useMemo<Item[]>(() => {
    const out: Item[] = [];
    if (model.lanes.length > 0) {
      out.push({ kind: "heading", text: `Invocations (${model.lanes.length})`, toggle: { open: lanesOpen, count: model.lanes.length } });
      if (lanesOpen) for (const lane of model.lanes) out.push({ kind: "lane", lane });
      else out.push({ kind: "lanes", lanes: model.lanes });
    }
    out.push({ kind: "heading", text: rows.length === model.rows.length ? `Operations (${rows.length})` : `Operations (${rows.length} of ${model.rows.length} match)` });
    for (const row of rows) out.push({ kind: "row", row });
    return out;
  }, [model, rows, lanesOpen]);
  const nameById = useMemo(() => new Map(model.rows.map((r) => [r.operation.id, operationLabel(r.operation)])), [model.rows]);
  const focusedOps = useMemo(() => new Set(model.lanes.find((l) => l.number === focusedLane)?.operationIds ?? []), [model.lanes, focusedLane]);
  const lanesOfSelected = useMemo(() => new Set(model.rows.find((r) => r.operation.id === selectedId)?.invocations ?? []), [model.rows, selectedId]);

  const { start, end, totalHeight, reveal } = useVirtualRows(scrollRef, items.length, ROW_HEIGHT, AXIS_HEIGHT);
  const selectedIndex = items.findIndex((it) => it.kind === "row" && it.row.operation.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) reveal(selectedIndex);
  }, [selectedIndex, reveal]);

  const startTime = model.start ?? 0;
  const endTime = model.open ? Math.max(model.end ?? now, now) : (model.end ?? startTime);
  // One geometry object per change of scale, so rows that did not change skip re-rendering.
  const g = useMemo<Geometry>(() => ({ scale: timeScale(startTime, endTime), width: baseWidth * zoom, now }), [startTime, endTime, baseWidth, zoom, now]);

  if (model.start === undefined) return <p className="p-6 text-sm text-zinc-500">The history has no timestamps, so there is no timeline to draw.</p>;

  const onFocusLane = (lane: InvocationLane) => {
    setFocusedLane(lane.number === focusedLane ? undefined : lane.number);
    if (lane.eventId !== undefined) onSelectEvent(lane.eventId);
  };

  return (
    <div className="flex h-full flex-col" data-testid="timeline">
      <div className="flex shrink-0 flex-wrap items-center gap-3 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-600">
        <span className="flex items-center gap-1">
          <button type="button" className="rounded border border-zinc-300 px-2 hover:bg-zinc-100 disabled:opacity-40" disabled={zoom <= 1} onClick={() => setZoom(Math.max(1, zoom / 2))} aria-label="Zoom out">
            −
          </button>
          <span className="w-10 text-center font-mono">{zoom}×</span>
          <button type="button" className="rounded border border-zinc-300 px-2 hover:bg-zinc-100 disabled:opacity-40" disabled={zoom >= MAX_ZOOM} onClick={() => setZoom(Math.min(MAX_ZOOM, zoom * 2))} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="rounded border border-zinc-300 px-2 hover:bg-zinc-100" onClick={() => setZoom(1)}>
            Fit
          </button>
        </span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 rounded-sm" style={{ background: statusStyle("SUCCEEDED").hex }} /> attempt / done</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 rounded-sm" style={{ background: statusStyle("FAILED").hex }} /> failed</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 rounded-sm" style={segmentStyle({ kind: "backoff", start: 0, status: "SCHEDULED" })} /> back-off</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 rounded-sm" style={segmentStyle({ kind: "wait", start: 0, status: "STARTED" })} /> waiting</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 rounded-sm border border-dashed border-zinc-400" /> never finished: the execution ended first</span>
        {focusedLane !== undefined ? (
          <button type="button" className="ml-auto text-sky-700 hover:underline" onClick={() => setFocusedLane(undefined)}>
            Clear invocation #{focusedLane} marks
          </button>
        ) : null}
      </div>
      {rows.length === 0 && query.trim() ? (
        <p role="status" className="shrink-0 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-600" data-testid="timeline-no-match">
          No operations match “{query.trim()}”.
        </p>
      ) : null}
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto" data-testid="timeline-scroll">
        <div style={{ width: LABEL_WIDTH + g.width + PLOT_PAD }}>
          <Axis g={g} />
          <div className="relative" style={{ height: totalHeight }}>
            {items.slice(start, end).map((item, i) => {
              const top = (start + i) * ROW_HEIGHT;
              if (item.kind === "heading") {
                return (
                  <div key={`h${start + i}`} className="absolute inset-x-0 flex items-end border-b border-zinc-200 bg-zinc-50/80" style={{ top, height: ROW_HEIGHT }}>
                    <span className="sticky left-0 flex items-center gap-2 px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
                      {item.text}
                      {item.toggle ? (
                        <button type="button" className="font-normal normal-case text-sky-700 hover:underline" onClick={() => setLanesOpen(!item.toggle!.open)} data-testid="lanes-toggle">
                          {item.toggle.open ? "fold into one row" : `show all ${item.toggle.count} lanes`}
                        </button>
                      ) : null}
                    </span>
                  </div>
                );
              }
              if (item.kind === "lanes") {
                return <LanesSummary key="lanes" lanes={item.lanes} g={g} top={top} ranSelected={lanesOfSelected} onFocus={onFocusLane} />;
              }
              if (item.kind === "lane") {
                const names = item.lane.operationIds.slice(0, 12).map((id) => nameById.get(id) ?? id).join(", ") + (item.lane.operationIds.length > 12 ? ", …" : "");
                return (
                  <LaneView
                    key={`l${item.lane.number}`}
                    lane={item.lane}
                    g={g}
                    top={top}
                    focused={focusedLane === item.lane.number}
                    ranSelected={lanesOfSelected.has(item.lane.number)}
                    names={names}
                    onFocus={onFocusLane}
                  />
                );
              }
              const id = item.row.operation.id;
              return <RowView key={id} row={item.row} g={g} top={top} selected={id === selectedId} inFocusedLane={focusedOps.has(id)} onSelect={onSelect} />;
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
