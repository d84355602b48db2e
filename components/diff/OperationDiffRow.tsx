"use client";
import { operationLabel, type OperationDiff, type OperationView } from "@durable-lens/sdk/history";
import { useState } from "react";
import { formatDuration } from "@/lib/format";
import { TypeIcon } from "@/components/graph/TypeIcon";
import { DiffBadge } from "./DiffBadge";
import { formatDeltaMs, formatFieldChange } from "./diff-format";
import { PayloadDiffView } from "./PayloadDiffView";

/** Deep trees stop indenting here, so names keep room to be read. */
const MAX_INDENT = 12;

/** How long after the execution's start an operation started. */
function offset(ms: number | undefined): string {
  return ms === undefined ? "—" : `+${formatDuration(ms)}`;
}

function Timing({ operation }: { operation: OperationDiff }) {
  const { left, right, startOffsetDeltaMs, durationDeltaMs } = operation.timing;
  const one = operation.left ? left : right;
  if (!operation.left || !operation.right) {
    return (
      <span data-testid="diff-timing">
        at {offset(one.startOffsetMs)} · took {formatDuration(one.durationMs)}
      </span>
    );
  }
  return (
    <span data-testid="diff-timing" title={`starts ${formatDuration(left.startOffsetMs)} → ${formatDuration(right.startOffsetMs)} after the execution`}>
      at {offset(right.startOffsetMs)} ({formatDeltaMs(startOffsetDeltaMs)}) · took {formatDuration(left.durationMs)} → {formatDuration(right.durationMs)} (
      {formatDeltaMs(durationDeltaMs)})
    </span>
  );
}

/** The side to name and type an operation by: the right when it has one. */
function shown(operation: OperationDiff): OperationView {
  return (operation.right ?? operation.left)!;
}

/**
 * One operation of a diff as a row of the aligned tree: badge, name, what changed and how its
 * timing moved; payload changes open below it.
 *
 * @example <OperationDiffRow operation={op} context={false} leftLabel="a" rightLabel="b" />
 */
export function OperationDiffRow({ operation, context, leftLabel, rightLabel }: { operation: OperationDiff; context: boolean; leftLabel: string; rightLabel: string }) {
  const [open, setOpen] = useState(false);
  const op = shown(operation);
  const expandable = operation.payloads.length > 0;
  return (
    <li
      data-testid="diff-operation"
      data-kind={operation.kind}
      data-op-id={operation.id}
      data-name={operationLabel(op)}
      className={`py-1.5 ${context ? "opacity-60" : ""}`}
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm" style={{ paddingLeft: Math.min(operation.depth, MAX_INDENT) * 16 }}>
        {expandable ? (
          <button
            type="button"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={open ? "Hide payload changes" : "Show payload changes"}
            data-testid="diff-expand"
            className="w-4 text-zinc-400 hover:text-zinc-700"
          >
            {open ? "▾" : "▸"}
          </button>
        ) : (
          <span className="w-4" aria-hidden />
        )}
        <span className="text-zinc-500" title={op.subType ?? op.type}>
          <TypeIcon type={op.type} />
        </span>
        <span className={`font-mono font-medium ${operation.kind === "removed" ? "text-zinc-500 line-through" : "text-zinc-900"}`} data-testid="diff-operation-name">
          {operationLabel(op)}
        </span>
        {operation.kind === "unchanged" ? null : <DiffBadge kind={operation.kind} />}
        {operation.fields.map((change) => (
          <span key={change.field} data-testid="diff-field" data-field={change.field} className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-xs text-amber-800">
            {formatFieldChange(change)}
          </span>
        ))}
        {operation.payloads.map((p) => (
          <button
            key={p.field}
            type="button"
            onClick={() => setOpen(true)}
            data-testid="diff-payload-chip"
            className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200"
          >
            {p.field} {operation.kind === "changed" ? "changed" : operation.kind}
          </button>
        ))}
        <span className="ml-auto whitespace-nowrap font-mono text-xs text-zinc-500">
          <Timing operation={operation} />
        </span>
      </div>
      {open ? (
        <div className="mt-2 space-y-4 rounded-md border border-zinc-200 bg-white p-3" style={{ marginLeft: Math.min(operation.depth, MAX_INDENT) * 16 + 24 }}>
          {operation.payloads.map((p) => (
            <PayloadDiffView key={p.field} diff={p} leftLabel={leftLabel} rightLabel={rightLabel} />
          ))}
        </div>
      ) : null}
    </li>
  );
}
