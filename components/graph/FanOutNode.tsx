"use client";
import { operationLabel, type FanOutSummary, type OperationView } from "@durable-lens/sdk/history";
import type { NodeProps } from "@xyflow/react";
import { memo, useContext, useMemo, useState } from "react";
import { operationStanding } from "@/components/execution/operation-standing";
import { statusStyle } from "@/components/ui/status";
import { GraphContext } from "./graph-context";
import type { FlowNode } from "./layout";
import { fanOutBox, fanOutItemLabel } from "./node-size";
import { GroupHeader, Handles, PinNote, standingCounts, useDimmed, WRAP_NAME } from "./nodes";

/** Chips drawn at first, and added per "show more": the grid scrolls, so this bounds the DOM. */
const CHIP_PAGE = 200;

/** An item's status as every view shows it: ABANDONED for work the ended execution left open. */
const standingOf = (item: OperationView): string => operationStanding(item).label;

/** The items of a fan-out that pass the status filter (all of them without one). */
function filtered(items: readonly OperationView[], status: string | undefined): readonly OperationView[] {
  return status === undefined ? items : items.filter((item) => standingOf(item) === status);
}

/** The status filter: all items, or the items of one status, with their counts. */
function StatusFilter({ items, counts, status, onChange }: { items: number; counts: Partial<Record<string, number>>; status: string | undefined; onChange: (status: string | undefined) => void }) {
  const entries = Object.entries(counts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const chip = (active: boolean) =>
    `nodrag rounded-full border px-2 py-0.5 font-mono text-[11px] ${active ? "border-zinc-800 bg-zinc-800 text-white" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100"}`;
  return (
    <div className="flex flex-wrap items-center gap-1.5 px-3 py-1.5" role="group" aria-label="Filter items by status" data-testid="fanout-filters">
      <button type="button" className={chip(status === undefined)} aria-pressed={status === undefined} data-testid="fanout-filter" data-status="" onClick={(e) => { e.stopPropagation(); onChange(undefined); }}>
        all {items.toLocaleString("en-US")}
      </button>
      {entries.map(([s, n]) => (
        <button
          key={s}
          type="button"
          className={chip(status === s)}
          aria-pressed={status === s}
          data-testid="fanout-filter"
          data-status={s}
          data-count={n}
          onClick={(e) => {
            e.stopPropagation();
            onChange(status === s ? undefined : s);
          }}
        >
          <span style={{ color: status === s ? undefined : statusStyle(s).hex }}>{n?.toLocaleString("en-US")}</span> {statusStyle(s).label.toLowerCase()}
        </button>
      ))}
    </div>
  );
}

/** One item: its name (whole, wrapping if long) selects it; the button beside it draws its operations. */
function ItemChipView({ item, index, expanded }: ChipProps) {
  const { select, toggleGroup } = useContext(GraphContext);
  const dimmed = useDimmed(item.id);
  const standing = standingOf(item);
  const style = statusStyle(standing);
  const name = fanOutItemLabel(item, index);
  const expandable = item.children.length > 0;
  return (
    <div
      data-testid="fanout-item"
      data-op-id={item.id}
      data-status={item.status}
      data-standing={standing}
      data-expanded={expanded}
      className={`flex items-start gap-1 rounded border border-l-4 bg-white px-1.5 py-0.5 ${style.accent} ${expanded ? "border-sky-400" : "border-zinc-200"} ${dimmed ? "opacity-30" : ""}`}
      title={`#${index} · ${operationLabel(item)} · ${standing}`}
    >
      <button
        type="button"
        data-testid="fanout-item-name"
        className={`nodrag flex-1 text-left font-mono text-xs text-zinc-800 hover:underline ${WRAP_NAME}`}
        onClick={(e) => {
          e.stopPropagation();
          select?.(item.id);
        }}
      >
        {name}
      </button>
      {expandable ? (
        <button
          type="button"
          data-testid="fanout-item-expand"
          aria-label={expanded ? `Fold ${name} back into the grid` : `Draw ${name}'s operations`}
          aria-expanded={expanded}
          className="nodrag shrink-0 rounded border border-zinc-300 px-1 font-mono text-[10px] leading-4 text-zinc-600 hover:bg-zinc-100"
          onClick={(e) => {
            e.stopPropagation();
            toggleGroup(item.id);
          }}
        >
          {expanded ? "−" : "+"}
        </button>
      ) : null}
    </div>
  );
}

type ChipProps = { item: OperationView; index: number; expanded: boolean };

/**
 * Every poll or time-travel step brings new operation objects; a chip whose item still reads the
 * same is not drawn again, so scrubbing through a big map does not redraw hundreds of chips.
 */
const ItemChip = memo(ItemChipView, (a: ChipProps, b: ChipProps) =>
  a.index === b.index && a.expanded === b.expanded && a.item.id === b.item.id && a.item.status === b.item.status && a.item.abandoned === b.item.abandoned && a.item.role === b.item.role && a.item.name === b.item.name && a.item.children.length === b.item.children.length,
);

/** The scrolling grid of a fan-out's items, a page of chips at a time. */
function ItemGrid({ fanOut, items, chipWidth }: { fanOut: FanOutSummary; items: readonly OperationView[]; chipWidth: number }) {
  const [limit, setLimit] = useState(CHIP_PAGE);
  const index = useMemo(() => new Map(fanOut.items.map((item, i) => [item.id, i])), [fanOut.items]);
  const shown = items.slice(0, limit);
  return (
    <div
      data-testid="fanout-grid"
      // nowheel: the wheel scrolls the grid instead of zooming the graph.
      // It takes what the panel leaves below the header and filter, and scrolls.
      className="nowheel min-h-0 flex-1 overflow-y-auto px-2 pb-2"
      style={{ display: "grid", gridTemplateColumns: `repeat(auto-fill, minmax(${chipWidth}px, 1fr))`, gap: 6, alignContent: "start" }}
    >
      {shown.map((item) => (
        <ItemChip key={item.id} item={item} index={index.get(item.id) ?? 0} expanded={fanOut.expanded.has(item.id)} />
      ))}
      {items.length === 0 ? <p className="col-span-full py-2 text-center text-xs text-zinc-500">No items with this status.</p> : null}
      {items.length > shown.length ? (
        <button
          type="button"
          className="nodrag col-span-full rounded border border-dashed border-zinc-300 py-1 text-xs text-zinc-600 hover:bg-zinc-50"
          onClick={(e) => {
            e.stopPropagation();
            setLimit((n) => n + CHIP_PAGE);
          }}
        >
          Show {Math.min(CHIP_PAGE, items.length - shown.length).toLocaleString("en-US")} more of {(items.length - shown.length).toLocaleString("en-US")}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A map or parallel with many items, drawn as a panel: its header, status counts that filter, and
 * a grid of its items. Clicking an item selects it; its button draws its operations below the grid.
 *
 * @example const NODE_TYPES = { fanout: FanOutNode };
 */
export function FanOutNode({ data, selected }: NodeProps<FlowNode>) {
  const op = data.node.operation;
  const group = data.node.group!;
  const fanOut = group.fanOut!;
  const dimmed = useDimmed(op.id);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const box = useMemo(() => fanOutBox(op, fanOut.items), [op, fanOut.items]);
  const items = useMemo(() => filtered(fanOut.items, status), [fanOut.items, status]);
  const counts = useMemo(() => Object.fromEntries(standingCounts(group.childStatuses, op.executionEnd !== undefined)), [group.childStatuses, op.executionEnd]);
  return (
    <div
      data-testid="graph-node"
      data-op-id={op.id}
      data-op-type={op.type}
      data-status={op.status}
      data-fanout="true"
      className={`relative h-full w-full cursor-pointer rounded-lg border border-dashed border-zinc-400 bg-zinc-100/70 ${dimmed ? "opacity-50" : ""}`}
    >
      <Handles />
      <PinNote id={op.id} />
      <div data-testid="fanout-panel" className="flex flex-col" style={{ height: box.height }}>
        <GroupHeader op={op} group={group} />
        <StatusFilter items={fanOut.items.length} counts={counts} status={status} onChange={setStatus} />
        <ItemGrid fanOut={fanOut} items={items} chipWidth={box.chipWidth} />
      </div>
    </div>
  );
}
