"use client";
import Link from "next/link";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { operationLabel, type GroupSummary, type OperationView } from "@durable-lens/sdk/history";
import { useContext, type MouseEvent } from "react";
import { executionPath } from "@/lib/segments";
import { statusStyle } from "@/components/ui/status";
import { ABANDONED, operationStanding } from "@/components/execution/operation-standing";
import { GraphContext } from "./graph-context";
import type { FlowNode } from "./layout";
import { operationKindLabel } from "./operation-style";
import { TypeIcon } from "./TypeIcon";

/**
 * Names are never cut: nodes are sized for them (see node-size.ts), and a name longer than the
 * widest node wraps anywhere, onto lines the node was made tall enough for.
 */
export const WRAP_NAME = "min-w-0 whitespace-normal [overflow-wrap:anywhere] leading-5";

// Edges attach to these; they are invisible because the graph is read-only.
const HIDDEN_HANDLE = { opacity: 0, pointerEvents: "none" } as const;

export function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN_HANDLE} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={HIDDEN_HANDLE} />
    </>
  );
}

/** data-status stays the recorded status; data-abandoned marks work the ended execution left open. */
function statusAttributes(op: OperationView) {
  return { "data-status": op.status, "data-abandoned": op.abandoned ? "true" : undefined };
}

/** Dims what does not match the search, so matches stand out without moving anything. */
export function useDimmed(id: string): boolean {
  const { matches } = useContext(GraphContext);
  return matches !== undefined && !matches.has(id);
}

const stop = (e: MouseEvent) => e.stopPropagation();

/** The page's note on this node (e.g. where replayed code diverged), if it has one. */
export function PinNote({ id }: { id: string }) {
  const note = useContext(GraphContext).pinned?.get(id);
  if (!note) return null;
  return (
    <span data-testid="graph-node-pin" className="absolute -top-3 right-2 rounded bg-red-600 px-1.5 text-[10px] font-semibold text-white shadow">
      {note}
    </span>
  );
}

/**
 * A step, wait, callback, invoke or the execution itself.
 *
 * @example const NODE_TYPES = { operation: OperationNode };
 */
export function OperationNode({ data, selected }: NodeProps<FlowNode>) {
  const op = data.node.operation;
  const standing = operationStanding(op);
  const style = statusStyle(standing.label);
  const attempts = op.attempts.length;
  const start = data.node.kind === "execution";
  const dimmed = useDimmed(op.id);
  const pinned = useContext(GraphContext).pinned?.has(op.id) ?? false;
  const invoked = op.chainedInvoke?.durableExecutionArn;
  return (
    <div
      data-testid="graph-node"
      data-op-id={op.id}
      data-op-type={op.type}
      {...statusAttributes(op)}
      title={`${operationLabel(op)} · ${standing.label} · ${standing.summary}`}
      className={`relative flex h-full w-full cursor-pointer flex-col justify-between rounded-md border border-l-4 px-3 py-2 shadow-sm transition ${
        start ? "border-zinc-700 bg-zinc-900 text-white" : "border-zinc-300 bg-white text-zinc-900"
      } ${style.accent} ${op.abandoned ? "border-dashed" : ""} ${selected ? "ring-2 ring-sky-500 ring-offset-1" : "hover:shadow-md"} ${dimmed ? "opacity-30" : ""} ${pinned ? "ring-2 ring-red-600 ring-offset-2" : ""}`}
    >
      <Handles />
      <PinNote id={op.id} />
      <div className={`flex items-center justify-between text-[10px] font-medium uppercase tracking-wide ${start ? "text-zinc-300" : "text-zinc-500"}`}>
        <span className="flex items-center gap-1">
          <TypeIcon type={op.type} />
          {start ? "Start" : operationKindLabel(op.type, op.subType)}
        </span>
        <span className="font-mono" style={{ color: style.hex }}>
          {style.label}
        </span>
      </div>
      <div data-testid="graph-node-name" className={`${WRAP_NAME} font-mono text-sm font-semibold`}>
        {operationLabel(op)}
      </div>
      <div className={`flex items-center gap-2 text-[11px] ${start ? "text-zinc-400" : "text-zinc-500"}`}>
        <span className="truncate" data-testid="graph-node-summary" title={standing.summary}>
          {standing.summary}
        </span>
        {attempts > 1 ? (
          <span data-testid="graph-node-attempts" className="shrink-0 rounded bg-amber-100 px-1.5 font-medium text-amber-800">
            {attempts} attempts
          </span>
        ) : null}
        {invoked ? (
          <Link href={executionPath(invoked)} onClick={stop} className="ml-auto shrink-0 text-sky-700 hover:underline" data-testid="graph-node-invoked" title={invoked}>
            open ↗
          </Link>
        ) : null}
      </div>
    </div>
  );
}

/** Members still open once the execution has ended were left behind: counted as abandoned, not as running. */
export function standingCounts(statuses: GroupSummary["childStatuses"], ended: boolean): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const [status, n] of Object.entries(statuses)) {
    const key = ended && (status === "STARTED" || status === "PENDING") ? ABANDONED : status;
    counts.set(key, (counts.get(key) ?? 0) + (n ?? 0));
  }
  return [...counts];
}

/** Counts of a group's members by status, as small coloured numbers. */
export function StatusCounts({ group, ended }: { group: GroupSummary; ended: boolean }) {
  const entries = standingCounts(group.childStatuses, ended).sort((a, b) => b[1] - a[1]);
  return (
    <span className="flex flex-wrap items-center gap-1.5" data-testid="group-status-counts">
      {entries.map(([status, n]) => (
        <span key={status} className="font-mono text-[10px]" style={{ color: statusStyle(status).hex }} title={`${n} ${status}`}>
          {n.toLocaleString("en-US")} {statusStyle(status).label.toLowerCase()}
        </span>
      ))}
    </span>
  );
}

export function ToggleButton({ id, collapsed, count }: { id: string; collapsed: boolean; count: number }) {
  const { toggleGroup } = useContext(GraphContext);
  const what = `${count.toLocaleString("en-US")} ${count === 1 ? "operation" : "operations"}`;
  return (
    <button
      type="button"
      data-testid="group-toggle"
      aria-label={collapsed ? `Expand (${what})` : "Collapse"}
      onClick={(e) => {
        e.stopPropagation();
        toggleGroup(id);
      }}
      className="nodrag shrink-0 rounded border border-zinc-300 bg-white px-1.5 text-[10px] leading-4 text-zinc-700 hover:bg-zinc-100"
      title={collapsed ? `Show the ${what} inside${count > 500 ? " (laying them out takes a moment)" : ""}` : "Close this group"}
    >
      {collapsed ? "Expand" : "−"}
    </button>
  );
}

/**
 * The header of an open group: its kind, status and close button on one line, and its whole name
 * below them, so no name competes with the status for room.
 *
 * @example <GroupHeader op={op} group={node.group} />
 */
export function GroupHeader({ op, group }: { op: OperationView; group: GroupSummary | undefined }) {
  const style = statusStyle(operationStanding(op).label);
  return (
    <div className="rounded-t-lg border-b border-dashed border-zinc-300 bg-white/80 px-3 py-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="flex min-w-0 items-center gap-1.5">
          <TypeIcon type={op.type} className="h-3.5 w-3.5 shrink-0 text-zinc-500" />
          <span className="whitespace-nowrap text-[10px] font-medium uppercase tracking-wide text-zinc-500">{operationKindLabel(op.type, op.subType)}</span>
        </span>
        <span className="flex shrink-0 items-center gap-2">
          <span className="font-mono text-[10px] font-medium" style={{ color: style.hex }}>
            {style.label}
          </span>
          {group && group.childCount > 0 ? <ToggleButton id={op.id} collapsed={false} count={group.descendantCount} /> : null}
        </span>
      </div>
      <div data-testid="graph-node-name" className={`${WRAP_NAME} font-mono text-sm font-semibold text-zinc-900`}>
        {operationLabel(op)}
      </div>
    </div>
  );
}

/**
 * A child context (run-in-child-context, map, parallel, ...) drawn around its operations.
 *
 * @example const NODE_TYPES = { context: ContextNode };
 */
export function ContextNode({ data, selected }: NodeProps<FlowNode>) {
  const op = data.node.operation;
  const dimmed = useDimmed(op.id);
  const group = data.node.group;
  return (
    <div
      data-testid="graph-node"
      data-op-id={op.id}
      data-op-type={op.type}
      {...statusAttributes(op)}
      className={`h-full w-full cursor-pointer rounded-lg border border-dashed border-zinc-400 bg-zinc-100/70 ${selected ? "ring-2 ring-sky-500" : ""} ${dimmed ? "opacity-50" : ""}`}
    >
      <Handles />
      <GroupHeader op={op} group={group} />
    </div>
  );
}

/**
 * Stands for the members of a level beyond the page drawn, with their statuses and a way to draw more.
 *
 * @example const NODE_TYPES = { more: MoreNode };
 */
export function MoreNode({ data, selected }: NodeProps<FlowNode>) {
  const { showMore } = useContext(GraphContext);
  const more = data.node.more!;
  const noun = data.node.operation.subType === "Map" ? "items" : data.node.operation.subType === "Parallel" ? "branches" : "operations";
  return (
    <div
      data-testid="graph-more"
      data-hidden={more.hidden}
      className={`flex h-full w-full flex-col justify-center gap-1 rounded-md border border-dashed border-zinc-400 bg-white/70 px-3 py-2 text-xs text-zinc-600 ${selected ? "ring-2 ring-sky-500 ring-offset-1" : ""}`}
    >
      <Handles />
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">
          {more.hidden.toLocaleString("en-US")} more {noun}
        </span>
        <button
          type="button"
          className="nodrag rounded border border-zinc-300 bg-white px-1.5 text-[10px] text-zinc-700 hover:bg-zinc-100"
          onClick={(e) => {
            e.stopPropagation();
            showMore(more.groupId);
          }}
        >
          Show more
        </button>
      </div>
      <StatusCounts group={{ childCount: more.hidden, descendantCount: more.hidden, childStatuses: more.statuses, collapsed: true }} ended={data.node.operation.executionEnd !== undefined} />
    </div>
  );
}

/**
 * A group drawn closed: its name, status and what it holds, counted by status.
 *
 * @example const NODE_TYPES = { collapsed: CollapsedGroupNode };
 */
export function CollapsedGroupNode({ data, selected }: NodeProps<FlowNode>) {
  const op = data.node.operation;
  const standing = operationStanding(op);
  const style = statusStyle(standing.label);
  const dimmed = useDimmed(op.id);
  const group = data.node.group!;
  const noun = op.subType === "Map" ? "items" : op.subType === "Parallel" ? "branches" : "operations";
  return (
    <div
      data-testid="graph-node"
      data-op-id={op.id}
      data-op-type={op.type}
      {...statusAttributes(op)}
      data-collapsed="true"
      title={`${operationLabel(op)} · ${standing.label} · ${group.descendantCount} operations inside`}
      className={`relative flex h-full w-full cursor-pointer flex-col justify-between rounded-lg border-2 border-double border-zinc-400 border-l-4 bg-zinc-50 px-3 py-1.5 shadow-[3px_3px_0_0_#d4d4d8] ${style.accent} ${
        selected ? "ring-2 ring-sky-500 ring-offset-1" : ""
      } ${dimmed ? "opacity-30" : ""}`}
    >
      <Handles />
      <PinNote id={op.id} />
      <div className="flex items-center justify-between text-[10px] font-medium uppercase tracking-wide text-zinc-500">
        <span className="flex items-center gap-1">
          <TypeIcon type={op.type} />
          {operationKindLabel(op.type, op.subType)}
        </span>
        <span className="font-mono" style={{ color: style.hex }}>
          {style.label}
        </span>
      </div>
      <div className="flex items-start justify-between gap-2">
        <span data-testid="graph-node-name" className={`${WRAP_NAME} font-mono text-sm font-semibold text-zinc-900`}>
          {operationLabel(op)}
        </span>
        <ToggleButton id={op.id} collapsed count={group.descendantCount} />
      </div>
      <div className="flex items-center gap-2 text-[11px] text-zinc-500">
        <span className="shrink-0" data-testid="group-count">
          {group.childCount.toLocaleString("en-US")} {noun}
        </span>
        <StatusCounts group={group} ended={op.executionEnd !== undefined} />
      </div>
    </div>
  );
}
