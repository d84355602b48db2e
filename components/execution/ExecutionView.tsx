"use client";
import Link from "next/link";
import { buildGraphModel, parseHistory, projectHistory } from "@durable-lens/sdk/history";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";
import { useExecution } from "@/lib/queries";
import { functionPath } from "@/lib/segments";
import { ExecutionGraph } from "@/components/graph/ExecutionGraph";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { ExecutionHeader } from "./ExecutionHeader";
import { HistoryProblems } from "./HistoryProblems";
import { OperationInspector } from "./OperationInspector";

function Breadcrumb({ arn }: { arn: string }) {
  const fn = parseDurableExecutionArn(arn)?.functionName;
  return (
    <nav className="text-sm text-zinc-500">
      <Link href="/" className="hover:underline">
        Functions
      </Link>
      {fn ? (
        <>
          {" / "}
          <Link href={functionPath(fn)} className="font-mono hover:underline">
            {fn}
          </Link>
        </>
      ) : null}
      {" / execution"}
    </nav>
  );
}

/** An execution: header, graph of its operations, and details of the selected one. */
export function ExecutionView({ arn }: { arn: string }) {
  const { data, error, isPending } = useExecution(arn);
  const [selectedId, setSelectedId] = useState<string>();

  // Structural sharing keeps `data.events` identical between polls that bring nothing new,
  // so the projection and the graph layout are only recomputed when the history changed.
  const events = data?.events;
  const view = useMemo(() => {
    if (!events) return undefined;
    const parsed = parseHistory(events);
    const projection = projectHistory(parsed.events);
    return {
      projection,
      model: buildGraphModel(projection.operations),
      problems: [...parsed.problems, ...projection.problems],
    };
  }, [events]);
  const selected = view?.projection.operations.find((op) => op.id === selectedId);

  if (isPending) {
    return (
      <div className="space-y-4">
        <Breadcrumb arn={arn} />
        <Loading label="Loading the execution…" />
      </div>
    );
  }
  if (error) {
    return (
      <div className="space-y-4">
        <Breadcrumb arn={arn} />
        <QueryErrorBox title="Could not load this execution" error={error} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Breadcrumb arn={arn} />
      <ExecutionHeader execution={data.execution} />
      {data.eventsTruncated ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">This history is very long; only its first part is shown.</p>
      ) : null}
      {view && view.problems.length > 0 ? <HistoryProblems problems={view.problems} /> : null}
      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="h-[68vh] min-h-[420px] flex-1 overflow-hidden rounded-lg border border-zinc-200 bg-white">
          {view && view.model.nodes.length > 0 ? (
            <ExecutionGraph model={view.model} selectedId={selectedId} onSelect={setSelectedId} />
          ) : (
            <p className="p-6 text-sm text-zinc-500">The history has no operations yet.</p>
          )}
        </div>
        {/* The column stays in place with or without a selection, so the graph never changes size under the user. */}
        <div className="max-h-[68vh] w-full overflow-y-auto lg:w-[26rem] lg:shrink-0">
          {selected ? (
            <OperationInspector operation={selected} onClose={() => setSelectedId(undefined)} />
          ) : (
            <p className="hidden rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-500 lg:block">
              Click an operation in the graph to see its attempts, result and errors.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
