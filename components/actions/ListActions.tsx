"use client";
import Link from "next/link";
import type { ExecutionSummary } from "@/lib/api-types";
import { useActionsEnabled } from "@/lib/use-actions";
import { BulkStopButton } from "./BulkStopButton";
import { StartExecutionButton } from "./StartExecutionButton";

/**
 * The actions above a function's executions: start one, stop the ones ticked in the list, and the
 * callback inbox. Mutations are hidden in read-only mode; the inbox link stays.
 *
 * @example <ListActions functionName="order-processor" selected={picked} onStopped={selection.clear} />
 */
export function ListActions({ functionName, selected, onStopped }: { functionName: string; selected: readonly ExecutionSummary[]; onStopped?: () => void }) {
  const enabled = useActionsEnabled();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="list-actions">
      {enabled ? (
        <>
          <StartExecutionButton functionName={functionName} />
          <BulkStopButton selected={selected} onDone={onStopped} />
        </>
      ) : null}
      <Link href={`/callbacks?function=${encodeURIComponent(functionName)}`} className="ml-auto text-sm text-sky-700 hover:underline">
        Pending callbacks →
      </Link>
    </div>
  );
}
