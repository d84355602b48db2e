"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { operationDurationMs, operationLabel, type OperationView } from "@durable-lens/sdk/history";
import { formatDuration, formatTimestamp } from "@/lib/format";
import { statusStyle } from "@/components/ui/status";
import type { FlowNode } from "./layout";
import { operationKindLabel } from "./operation-style";
import { TypeIcon } from "./TypeIcon";

// Edges attach to these; they are invisible because the graph is read-only.
const HIDDEN_HANDLE = { opacity: 0, pointerEvents: "none" } as const;

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN_HANDLE} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={HIDDEN_HANDLE} />
    </>
  );
}

/** The node's one-line status: how long it took, or what it is waiting for. */
function summary(op: OperationView): string {
  if (op.status === "PENDING") return "retry scheduled";
  if (op.status === "STARTED") {
    if (op.type === "WAIT" && op.wait?.scheduledEndAt) return `until ${formatTimestamp(op.wait.scheduledEndAt)}`;
    return "running";
  }
  return formatDuration(operationDurationMs(op));
}

/** A step, wait, callback, invoke or the execution itself. */
export function OperationNode({ data, selected }: NodeProps<FlowNode>) {
  const op = data.node.operation;
  const style = statusStyle(op.status);
  const retries = op.attempts.length;
  const start = data.node.kind === "execution";
  return (
    <div
      data-testid="graph-node"
      data-op-id={op.id}
      data-op-type={op.type}
      data-status={op.status}
      title={`${operationLabel(op)} · ${op.status}`}
      className={`flex h-full w-full cursor-pointer flex-col justify-between rounded-md border border-l-4 px-3 py-2 shadow-sm transition ${
        start ? "border-zinc-700 bg-zinc-900 text-white" : "border-zinc-300 bg-white text-zinc-900"
      } ${style.accent} ${selected ? "ring-2 ring-sky-500 ring-offset-1" : "hover:shadow-md"}`}
    >
      <Handles />
      <div className={`flex items-center justify-between text-[10px] font-medium uppercase tracking-wide ${start ? "text-zinc-300" : "text-zinc-500"}`}>
        <span className="flex items-center gap-1">
          <TypeIcon type={op.type} />
          {start ? "Start" : operationKindLabel(op.type, op.subType)}
        </span>
        <span className="font-mono" style={{ color: style.hex }}>
          {style.label}
        </span>
      </div>
      <div data-testid="graph-node-name" className="truncate font-mono text-sm font-semibold">
        {operationLabel(op)}
      </div>
      <div className={`flex items-center gap-2 text-[11px] ${start ? "text-zinc-400" : "text-zinc-500"}`}>
        <span>{summary(op)}</span>
        {retries > 1 ? (
          <span data-testid="graph-node-attempts" className="rounded bg-amber-100 px-1.5 font-medium text-amber-800">
            {retries} attempts
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** A child context (run-in-child-context, map, parallel, ...) drawn around its operations. */
export function ContextNode({ data, selected }: NodeProps<FlowNode>) {
  const op = data.node.operation;
  const style = statusStyle(op.status);
  return (
    <div
      data-testid="graph-node"
      data-op-id={op.id}
      data-op-type={op.type}
      data-status={op.status}
      className={`h-full w-full cursor-pointer rounded-lg border border-dashed border-zinc-400 bg-zinc-100/70 ${selected ? "ring-2 ring-sky-500" : ""}`}
    >
      <Handles />
      <div className="flex items-center justify-between gap-2 rounded-t-lg border-b border-dashed border-zinc-300 bg-white/80 px-3 py-1.5">
        <span className="flex min-w-0 items-center gap-1.5">
          <TypeIcon type={op.type} className="h-3.5 w-3.5 shrink-0 text-zinc-500" />
          <span className="text-[10px] font-medium uppercase tracking-wide text-zinc-500">{operationKindLabel(op.type, op.subType)}</span>
          <span data-testid="graph-node-name" className="truncate font-mono text-sm font-semibold text-zinc-900">
            {operationLabel(op)}
          </span>
        </span>
        <span className="shrink-0 font-mono text-[10px] font-medium" style={{ color: style.hex }}>
          {style.label}
        </span>
      </div>
    </div>
  );
}
