"use client";
import { buildTimeline, defaultCollapsedGroups, projectHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import type { AppliedWhatIf, Divergence } from "@durable-lens/sdk/replay";
import { useMemo, useState } from "react";
import { ExecutionDiff } from "@/components/diff/ExecutionDiff";
import { ExecutionGraph } from "@/components/graph/ExecutionGraph";
import { useGraphModel } from "@/components/graph/use-graph-model";
import { OperationInspector } from "@/components/execution/OperationInspector";
import { visibleNodeId } from "@/components/execution/selection";
import { Timeline } from "@/components/timeline/Timeline";
import { WhatIfList } from "./WhatIfList";

type View = "graph" | "timeline" | "compare";

export interface SimulatedRunProps {
  events: readonly Event[];
  recording: readonly Event[];
  divergences: readonly Divergence[];
  whatIfs: readonly AppliedWhatIf[];
  /** The simulation's virtual time: the inspector's deadlines count from it. */
  nowMs: number;
}

/**
 * The simulated execution as it stands: its graph (divergences pinned), its timeline, or a
 * comparison with the recorded run (the what-ifs that made it differ first); an operation picked
 * in the graph or the timeline opens the execution page's inspector beside it. Updates with
 * every pause.
 *
 * @example <SimulatedRun events={snapshot.events} recording={recording} divergences={snapshot.divergences} whatIfs={snapshot.whatIfs} nowMs={snapshot.nowMs} />
 */
export function SimulatedRun({ events, recording, divergences, whatIfs, nowMs }: SimulatedRunProps) {
  const [view, setView] = useState<View>("graph");
  const [selected, setSelected] = useState<string>();
  const projection = useMemo(() => projectHistory(events), [events]);
  const byId = useMemo(() => new Map(projection.operations.map((op) => [op.id, op])), [projection]);
  const defaults = useMemo(() => defaultCollapsedGroups(projection.operations), [projection]);
  const { graph: model, toggleGroup, showMore } = useGraphModel(projection.operations, defaults);
  const timeline = useMemo(() => (view === "timeline" ? buildTimeline(projection) : undefined), [projection, view]);
  // A divergence inside a closed group (or a page not drawn) is pinned on what stands for it.
  const pinned = useMemo(() => {
    const drawn = new Set(model.nodes.map((n) => n.id));
    return new Map(divergences.map((d) => [visibleNodeId(d.operationId, byId, drawn) ?? d.operationId, "diverged"]));
  }, [divergences, byId, model]);
  const operation = selected !== undefined ? byId.get(selected) : undefined;
  const lastEventId = events.at(-1)?.EventId ?? 0;
  // The simulated state at its virtual time: deadlines count from it, and nothing is sent to a service.
  const asOf = useMemo(() => ({ eventId: lastEventId, invocation: projection.invocations.length + 1, time: new Date(nowMs) }), [lastEventId, projection, nowMs]);

  return (
    <section className="min-w-0 space-y-2 rounded-lg border border-zinc-200 bg-white p-3" data-testid="simulated-run">
      <div className="flex gap-1 text-sm" role="tablist">
        {(["graph", "timeline", "compare"] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)} data-testid={`sim-view-${v}`} className={`rounded px-2 py-1 ${view === v ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}>
            {v === "graph" ? "Graph" : v === "timeline" ? "Timeline" : "Compare with the recording"}
          </button>
        ))}
      </div>
      {view === "compare" ? (
        <div className="min-w-0 space-y-3">
          <WhatIfList whatIfs={whatIfs} />
          <ExecutionDiff left={recording} right={events} leftLabel="Recorded" rightLabel="Simulated" />
        </div>
      ) : (
        <div className="flex min-w-0 flex-col gap-3 xl:flex-row">
          <div className="min-w-0 flex-1">
            {view === "graph" ? (
              <div className="h-[480px]">
                <ExecutionGraph model={model} selectedId={selected} onSelect={setSelected} onToggleGroup={toggleGroup} onShowMore={showMore} pinned={pinned} />
              </div>
            ) : timeline ? (
              <div className="flex h-[480px] min-w-0 flex-col overflow-hidden" data-testid="sim-timeline">
                <Timeline model={timeline} selectedId={selected} onSelect={setSelected} onSelectEvent={() => undefined} query="" />
              </div>
            ) : null}
          </div>
          {operation ? (
            <div className="min-w-0 xl:max-h-[480px] xl:w-80 xl:shrink-0 xl:overflow-y-auto" data-testid="sim-inspector">
              <OperationInspector operation={operation} byId={byId} onSelect={setSelected} onSelectEvent={() => undefined} onClose={() => setSelected(undefined)} asOf={asOf} />
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
