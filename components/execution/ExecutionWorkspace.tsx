"use client";
import { buildGraphModel, projectHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";
import type { ExecutionDetail } from "@/lib/api-types";
import { ExecutionGraph } from "@/components/graph/ExecutionGraph";
import { ExecutionHeader } from "./ExecutionHeader";
import { executionFacts } from "./execution-facts";
import { HistoryProblems } from "./HistoryProblems";
import { OperationInspector } from "./OperationInspector";

export interface ExecutionWorkspaceProps {
  /** The history's events, already read with `parseHistory` (typed, timestamps as Dates). */
  events: readonly Event[];
  /** The GetDurableExecution summary, when the execution came from a service. */
  execution?: ExecutionDetail;
  /** Where the history came from: a service (may still change) or a file (fixed). */
  source: "live" | "file";
  /** What `parseHistory` could not read, shown so a partial picture is not taken for a whole one. */
  problems?: readonly string[];
  /** True when only the first part of a long history could be loaded. */
  historyTruncated?: boolean;
  /** The header's title when there is no execution summary (e.g. the file name). */
  title?: string;
}

/**
 * Everything about one execution below the breadcrumb: header, views of its operations and the
 * inspector. Driven by props only, so a live execution and an opened file render the same way.
 *
 * @example <ExecutionWorkspace events={parseHistory(json).events} source="file" title="orders.json" />
 */
export function ExecutionWorkspace({ events, execution, problems = [], historyTruncated = false, title }: ExecutionWorkspaceProps) {
  const [selectedId, setSelectedId] = useState<string>();

  // Polls that bring nothing new keep `events` identical, so nothing below is recomputed for them.
  const view = useMemo(() => {
    const projection = projectHistory(events);
    return { projection, model: buildGraphModel(projection.operations) };
  }, [events]);
  const allProblems = useMemo(() => [...problems, ...view.projection.problems], [problems, view]);
  const root = view.projection.operations.find((op) => op.type === "EXECUTION");
  const facts = useMemo(() => executionFacts(execution, root, title), [execution, root, title]);
  const selected = view.projection.operations.find((op) => op.id === selectedId);

  return (
    <div className="space-y-4">
      <ExecutionHeader execution={facts} />
      {historyTruncated ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">This history is very long; only its first part is shown.</p>
      ) : null}
      {allProblems.length > 0 ? <HistoryProblems problems={allProblems} /> : null}
      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="h-[68vh] min-h-[420px] flex-1 overflow-hidden rounded-lg border border-zinc-200 bg-white">
          {view.model.nodes.length > 0 ? (
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
