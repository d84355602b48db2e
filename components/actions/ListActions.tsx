"use client";
import Link from "next/link";
import type { ExecutionSummary } from "@/lib/api-types";
import { useActionsEnabled } from "@/lib/use-actions";
import { BulkStopButton } from "./BulkStopButton";
import { StartExecutionButton } from "./StartExecutionButton";

/**
 * The actions above a function's executions: start one, stop the running ones shown, and the
 * callback inbox. Mutations are hidden in read-only mode; the inbox link stays.
 *
 * @example <ListActions functionName="order-processor" executions={page.executions} />
 */
export function ListActions({ functionName, executions }: { functionName: string; executions: readonly ExecutionSummary[] }) {
  const enabled = useActionsEnabled();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="list-actions">
      {enabled ? (
        <>
          <StartExecutionButton functionName={functionName} />
          <BulkStopButton executions={executions} />
        </>
      ) : null}
      <Link href={`/callbacks?function=${encodeURIComponent(functionName)}`} className="ml-auto text-sm text-sky-700 hover:underline">
        Pending callbacks →
      </Link>
    </div>
  );
}
