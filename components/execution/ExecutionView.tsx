"use client";
import Link from "next/link";
import { createHistoryParser } from "@durable-lens/sdk/history";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";
import type { ExecutionDetail } from "@/lib/api-types";
import { useExecution } from "@/lib/queries";
import { executionPath } from "@/lib/segments";
import { ExecutionBreadcrumb } from "./ExecutionBreadcrumb";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { ExecutionWorkspace } from "./ExecutionWorkspace";
import { ExecutionActions } from "@/components/actions/ExecutionActions";
import { CompareWithPicker } from "@/components/diff/CompareWithPicker";
import { LiveExecutionScope } from "@/components/actions/live-execution";

/** What the actions inside the page (the inspector's callback forms) may act on. */
function liveExecution(e: ExecutionDetail) {
  const functionName = parseDurableExecutionArn(e.arn)?.functionName;
  return functionName ? { arn: e.arn, functionName, running: e.status === "RUNNING" } : undefined;
}

/**
 * The page of an execution on the target service: loads it (polling while it runs) and shows it.
 *
 * @example <ExecutionView arn={decodeSegment(params.arn)} />
 */
export function ExecutionView({ arn }: { arn: string }) {
  const { data, error, isPending } = useExecution(arn);
  // Structural sharing keeps `data.events` identical between polls that bring nothing new, so
  // parsing (and everything derived from it) only runs when the history changed; and it keeps the
  // unchanged events' objects, so the parser reads only the new ones.
  const [parse] = useState(createHistoryParser);
  const rawEvents = data?.events;
  const parsed = useMemo(() => (rawEvents ? parse(rawEvents) : undefined), [parse, rawEvents]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ExecutionBreadcrumb arn={arn}>
          {" / execution"}
          <Link href={`${executionPath(arn)}/simulate`} className="ml-4 text-sky-700 hover:underline" data-testid="replay-with-code">
            Replay with code
          </Link>
        </ExecutionBreadcrumb>
        <CompareWithPicker arn={arn} />
      </div>
      {isPending ? (
        <Loading label="Loading the execution…" />
      ) : error ? (
        <QueryErrorBox title="Could not load this execution" error={error} />
      ) : parsed ? (
        <LiveExecutionScope execution={liveExecution(data.execution)}>
          <ExecutionWorkspace
            events={parsed.events}
            problems={parsed.problems}
            execution={data.execution}
            historyTruncated={data.eventsTruncated}
            source="live"
            actions={<ExecutionActions execution={data.execution} events={parsed.events} />}
          />
        </LiveExecutionScope>
      ) : null}
    </div>
  );
}
