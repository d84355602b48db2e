"use client";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import Link from "next/link";
import { useState } from "react";
import { useExecutions, type ExecutionFilter } from "@/lib/queries";
import { formatTimestamp } from "@/lib/format";
import { ActionDialog } from "@/components/actions/ActionDialog";
import { buttonStyles } from "@/components/actions/styles";
import { EmptyState } from "@/components/ui/EmptyState";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { SkeletonRows } from "@/components/ui/Skeleton";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { diffPath } from "./diff-path";

/** The newest executions of any status: the first page of the function's list. */
const RECENT: ExecutionFilter = { statuses: [], order: "newest", prev: [] };

function Candidates({ functionName, arn }: { functionName: string; arn: string }) {
  const { data, error, isPending } = useExecutions(functionName, RECENT);
  if (isPending) return <SkeletonRows rows={4} columns={3} label="Loading recent executions…" />;
  if (error) return <QueryErrorBox title={`Could not list the executions of ${functionName}`} error={error} />;
  const others = data.executions.filter((e) => e.arn !== arn);
  if (others.length === 0) {
    return <EmptyState title={`No other execution of ${functionName} to compare with.`}>Start another one, then come back.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200" data-testid="compare-candidates">
      {others.map((e) => (
        <li key={e.arn}>
          <Link
            href={diffPath(e.arn, arn)}
            data-testid="compare-candidate"
            data-execution-name={e.name}
            className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm hover:bg-zinc-50"
          >
            <span className="font-mono font-medium text-sky-800">{e.name}</span>
            <StatusBadge status={e.status} />
            <span className="ml-auto font-mono text-xs text-zinc-500">{formatTimestamp(e.startedAt)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Compare with…": lists the newest executions of the same function; choosing one opens the
 * comparison with the chosen one on the left (the baseline) and this one on the right. Renders
 * nothing for an ARN that names no function.
 *
 * @example <CompareWithPicker arn={execution.arn} />
 */
export function CompareWithPicker({ arn }: { arn: string }) {
  const [open, setOpen] = useState(false);
  const functionName = parseDurableExecutionArn(arn)?.functionName;
  if (!functionName) return null;
  return (
    <>
      <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(true)} data-testid="compare-with">
        Compare with…
      </button>
      <ActionDialog open={open} onClose={() => setOpen(false)} title={`Compare with another execution of ${functionName}`} testId="compare-dialog">
        <p className="text-sm text-zinc-600">The one you choose is shown on the left, this one on the right.</p>
        <Candidates functionName={functionName} arn={arn} />
      </ActionDialog>
    </>
  );
}
