"use client";
import { buildTimeline, defaultCollapsedGroups, projectHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import type { Divergence } from "@durable-lens/sdk/replay";
import { useMemo, useState } from "react";
import { ExecutionDiff } from "@/components/diff/ExecutionDiff";
import { ExecutionGraph } from "@/components/graph/ExecutionGraph";
import { useGraphModel } from "@/components/graph/use-graph-model";
import { visibleNodeId } from "@/components/execution/selection";
import { Timeline } from "@/components/timeline/Timeline";

type View = "graph" | "timeline" | "compare";

/**
 * The simulated execution as it stands: its graph (divergences pinned), its timeline, or a
 * comparison with the recorded run. Updates with every pause.
 *
 * @example <SimulatedRun events={snapshot.events} recording={recording} divergences={snapshot.divergences} />
 */
export function SimulatedRun({ events, recording, divergences }: { events: readonly Event[]; recording: readonly Event[]; divergences: readonly Divergence[] }) {
  const [view, setView] = useState<View>("graph");
  const [selected, setSelected] = useState<string>();
  const projection = useMemo(() => projectHistory(events), [events]);
  const defaults = useMemo(() => defaultCollapsedGroups(projection.operations), [projection]);
  const { graph: model, toggleGroup, showMore } = useGraphModel(projection.operations, defaults);
  const timeline = useMemo(() => (view === "timeline" ? buildTimeline(projection) : undefined), [projection, view]);
  // A divergence inside a closed group (or a page not drawn) is pinned on what stands for it.
  const pinned = useMemo(() => {
    const byId = new Map(projection.operations.map((op) => [op.id, op]));
    const drawn = new Set(model.nodes.map((n) => n.id));
    return new Map(divergences.map((d) => [visibleNodeId(d.operationId, byId, drawn) ?? d.operationId, "diverged"]));
  }, [divergences, projection, model]);

  return (
    <section className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3" data-testid="simulated-run">
      <div className="flex gap-1 text-sm" role="tablist">
        {(["graph", "timeline", "compare"] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)} data-testid={`sim-view-${v}`} className={`rounded px-2 py-1 ${view === v ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}>
            {v === "graph" ? "Graph" : v === "timeline" ? "Timeline" : "Compare with the recording"}
          </button>
        ))}
      </div>
      {view === "graph" ? (
        <div className="h-[480px]">
          <ExecutionGraph model={model} selectedId={selected} onSelect={setSelected} onToggleGroup={toggleGroup} onShowMore={showMore} pinned={pinned} />
        </div>
      ) : view === "timeline" && timeline ? (
        <Timeline model={timeline} selectedId={selected} onSelect={setSelected} onSelectEvent={() => undefined} query="" />
      ) : (
        <ExecutionDiff left={recording} right={events} leftLabel="Recorded" rightLabel="Simulated" />
      )}
    </section>
  );
}
