"use client";
import "@xyflow/react/dist/style.css";
import { Background, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, type NodeMouseHandler, type NodeTypes } from "@xyflow/react";
import type { GraphModel } from "@durable-lens/sdk/history";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { operationStanding } from "@/components/execution/operation-standing";
import { statusStyle } from "@/components/ui/status";
import { GraphContext, type GraphContextValue } from "./graph-context";
import { browserElk } from "./browser-elk";
import { layoutGraph, refreshGraph, stackedLayout, structureKey, type FlowGraph, type FlowNode } from "./layout";
import { CollapsedGroupNode, ContextNode, MoreNode, OperationNode } from "./nodes";
import { FanOutNode } from "./FanOutNode";
import { useGraphViewport } from "./use-graph-viewport";

// Starts ELK as soon as the graph code is loaded, while the history is still being read.
if (typeof window !== "undefined") void browserElk().catch(() => undefined);

// Defined once: React Flow re-mounts every node when this object changes identity.
const NODE_TYPES: NodeTypes = { operation: OperationNode, context: ContextNode, collapsed: CollapsedGroupNode, more: MoreNode, fanout: FanOutNode };

type LayoutState =
  | { status: "pending" }
  /** `version` counts ELK runs, so effects can tell a new layout from a refresh of the old one. */
  | { status: "ready"; graph: FlowGraph; relayout: boolean; version: number }
  | { status: "failed"; message: string };

/**
 * The laid-out graph of a model. A model with the same structure as the last one (a poll that only
 * changed statuses) reuses its positions; a flat one is stacked at once; otherwise ELK runs again
 * while the old graph stays up.
 */
function useLayout(model: GraphModel): LayoutState {
  const [state, setState] = useState<LayoutState>({ status: "pending" });
  const last = useRef<{ key: string; graph: FlowGraph; version: number }>(undefined);
  useEffect(() => {
    const key = structureKey(model);
    const previous = last.current;
    if (previous && previous.key === key) {
      const graph = refreshGraph(previous.graph, model);
      last.current = { ...previous, graph };
      setState({ status: "ready", graph, relayout: false, version: previous.version });
      return;
    }
    const stacked = stackedLayout(model);
    if (stacked) {
      const version = (previous?.version ?? 0) + 1;
      last.current = { key, graph: stacked, version };
      setState({ status: "ready", graph: stacked, relayout: false, version });
      return;
    }
    let cancelled = false;
    if (previous) setState({ status: "ready", graph: previous.graph, relayout: true, version: previous.version });
    browserElk()
      .then((elk) => layoutGraph(model, elk))
      .then((graph) => {
        if (cancelled) return;
        const version = (last.current?.version ?? 0) + 1;
        last.current = { key, graph, version };
        setState({ status: "ready", graph, relayout: false, version });
      })
      .catch((error: unknown) => !cancelled && setState({ status: "failed", message: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
    };
  }, [model]);
  return state;
}

interface ExecutionGraphProps {
  model: GraphModel;
  /** The node to show as selected (an operation, or the closed group holding it). */
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
  onToggleGroup: (id: string) => void;
  onShowMore: (groupId: string | undefined) => void;
  /** Operations to keep bright while searching; undefined when not searching. */
  matches?: ReadonlySet<string>;
  /** Operations to mark with a note (operation id to note), e.g. a replay's divergence. */
  pinned?: ReadonlyMap<string, string>;
  /** Nodes to keep in view as they change, e.g. what a past point waits for: the first is brought in when off screen. */
  follow?: readonly string[];
}

/**
 * Up to this many nodes all are drawn, on screen or not (as many as the old fit-everything view
 * drew at once), so what is off screen can still be found in the page; above it only the visible ones.
 */
const DRAW_ALL_UP_TO = 500;

/** The minimap sits beside the drawing, never over it; this is its width. */
const MINIMAP_WIDTH = 192;

function GraphCanvas({ model, selectedId, onSelect, onToggleGroup, onShowMore, matches, pinned, follow }: ExecutionGraphProps) {
  const layout = useLayout(model);
  const clicked = useRef<string | undefined>(undefined);
  const [minimap, setMinimap] = useState(false);
  const view = useGraphViewport({
    graph: layout.status === "ready" ? layout.graph : undefined,
    version: layout.status === "ready" ? layout.version : 0,
    selectedId,
    clicked,
    follow,
  });
  const { hold } = view;
  const nodes = useMemo(
    () => (layout.status === "ready" ? layout.graph.nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)) : []),
    [layout, selectedId],
  );
  // A group opened or closed stays under the pointer while the layout around it changes.
  const toggleGroup = useCallback(
    (id: string) => {
      hold(id);
      onToggleGroup(id);
    },
    [hold, onToggleGroup],
  );
  const context = useMemo<GraphContextValue>(
    () => ({ toggleGroup, showMore: onShowMore, select: onSelect, ...(matches && { matches }), ...(pinned && { pinned }) }),
    [toggleGroup, onShowMore, onSelect, matches, pinned],
  );
  const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => {
    // A "more" node is not an operation; its button draws the next page.
    if (node.type === "more") return;
    clicked.current = node.id;
    onSelect(node.id);
  };

  if (layout.status === "failed") return <ErrorBox title="Could not lay out the graph" message={layout.message} />;
  if (layout.status === "pending") return <Loading label="Laying out the graph…" />;
  return (
    <div className="flex h-full w-full">
      <div className="relative h-full min-w-0 flex-1" data-testid="execution-graph" data-view={view.moved ? "user" : "fitted"}>
        <div className="pointer-events-none absolute left-3 right-3 top-3 z-10 flex items-start justify-between gap-2">
          {layout.relayout ? (
            <span className="rounded bg-white/90 px-2 py-1 text-xs text-zinc-600 shadow" role="status">
              Laying out…
            </span>
          ) : (
            <span />
          )}
          {view.moved ? (
            <button
              type="button"
              onClick={view.fit}
              className="pointer-events-auto rounded-md border border-sky-300 bg-white px-2.5 py-1 text-xs font-medium text-sky-800 shadow-sm hover:bg-sky-50"
              title="You moved the view, so it no longer follows the graph: fit it again"
              data-testid="graph-fit"
            >
              Fit view
            </button>
          ) : null}
        </div>
        <GraphContext.Provider value={context}>
          <ReactFlow<FlowNode>
            nodes={nodes}
            edges={layout.graph.edges}
            nodeTypes={NODE_TYPES}
            onNodeClick={onNodeClick}
            onPaneClick={() => onSelect(undefined)}
            onMove={view.onMove}
            minZoom={0.05}
            maxZoom={2}
            onlyRenderVisibleElements={nodes.length > DRAW_ALL_UP_TO}
            nodesDraggable={false}
            nodesConnectable={false}
            edgesFocusable={false}
          >
            <Background gap={20} color="#e4e4e7" />
            <Controls showInteractive={false} showFitView={false} onZoomIn={view.markMoved} onZoomOut={view.markMoved}>
              <ControlButton
                onClick={() => setMinimap(!minimap)}
                aria-pressed={minimap}
                aria-label={minimap ? "Hide the minimap" : "Show the minimap"}
                title={minimap ? "Hide the minimap" : "Show the minimap"}
                data-testid="graph-minimap-toggle"
              >
                <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
                  <rect x="1.5" y="2.5" width="13" height="11" rx="1" />
                  <rect x="8" y="8" width="5" height="4" fill="currentColor" stroke="none" />
                </svg>
              </ControlButton>
            </Controls>
          </ReactFlow>
        </GraphContext.Provider>
      </div>
      {minimap ? (
        // Outside the drawing, so it never covers a node; the `react-flow` class brings the minimap's colours.
        <div
          className="react-flow relative h-full shrink-0 border-l border-zinc-200"
          style={{ width: MINIMAP_WIDTH + 16 }}
          data-testid="graph-minimap"
          onPointerDown={view.markMoved}
          onWheel={view.markMoved}
        >
          <MiniMap<FlowNode>
            pannable
            zoomable
            position="top-left"
            style={{ width: MINIMAP_WIDTH, height: 150, margin: 8 }}
            nodeColor={(n) => (n.type === "context" || n.type === "more" ? "#e4e4e7" : statusStyle(operationStanding(n.data.node.operation).label).hex)}
            nodeStrokeWidth={2}
          />
        </div>
      ) : null}
    </div>
  );
}

/**
 * An execution as a graph: the start node, operations in program order, child contexts, maps and
 * parallels as nested groups (big ones closed, with counts). Clicking a node selects it. The view
 * fits the graph at a readable size and follows its changes until the user pans or zooms (then a
 * "Fit view" button hands it back); the minimap, on demand, sits beside the drawing. React Flow
 * draws only the nodes on screen.
 *
 * @example <ExecutionGraph model={model} selectedId={id} onSelect={select} onToggleGroup={toggle} />
 */
export function ExecutionGraph(props: ExecutionGraphProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}
