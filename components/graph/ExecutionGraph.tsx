"use client";
import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeMouseHandler,
  type NodeTypes,
} from "@xyflow/react";
import type { GraphModel } from "@durable-lens/sdk/history";
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { statusStyle } from "@/components/ui/status";
import { GraphContext, type GraphContextValue } from "./graph-context";
import { browserElk } from "./browser-elk";
import { layoutGraph, refreshGraph, stackedLayout, structureKey, type FlowGraph, type FlowNode } from "./layout";
import { CollapsedGroupNode, ContextNode, MoreNode, OperationNode } from "./nodes";
import { FanOutNode } from "./FanOutNode";

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

/**
 * Brings the selected node into view when it was selected elsewhere (keyboard, timeline, URL) and
 * is off screen; a node the user just clicked is already where they are looking.
 */
function useRevealSelected(
  selectedId: string | undefined,
  clicked: RefObject<string | undefined>,
  container: RefObject<HTMLDivElement | null>,
  layoutVersion: number,
) {
  const flow = useReactFlow<FlowNode>();
  useEffect(() => {
    if (!selectedId || clicked.current === selectedId) return;
    let frame = 0;
    let tries = 0;
    const reveal = () => {
      const node = flow.getInternalNode(selectedId);
      const box = container.current?.getBoundingClientRect();
      // React Flow takes the new nodes into its store a moment after a layout; look again next frame.
      if (!node || !box || box.width === 0) {
        if (tries++ < 30) frame = requestAnimationFrame(reveal);
        return;
      }
      const { x, y, zoom } = flow.getViewport();
      const width = node.measured.width ?? node.width ?? 0;
      const height = node.measured.height ?? node.height ?? 0;
      const { x: nx, y: ny } = node.internals.positionAbsolute;
      const left = nx * zoom + x;
      const top = ny * zoom + y;
      const inside = left >= 0 && top >= 0 && left + width * zoom <= box.width && top + height * zoom <= box.height;
      if (!inside) void flow.setCenter(nx + width / 2, ny + Math.min(height, 200) / 2, { zoom: Math.max(zoom, 0.5), duration: 250 });
    };
    reveal();
    return () => cancelAnimationFrame(frame);
    // A new layout moves nodes (or first draws the selected one), so it is checked again then.
  }, [selectedId, flow, clicked, container, layoutVersion]);
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
}

function GraphCanvas({ model, selectedId, onSelect, onToggleGroup, onShowMore, matches, pinned }: ExecutionGraphProps) {
  const layout = useLayout(model);
  const container = useRef<HTMLDivElement>(null);
  const clicked = useRef<string | undefined>(undefined);
  useRevealSelected(selectedId, clicked, container, layout.status === "ready" ? layout.version : 0);
  const nodes = useMemo(
    () => (layout.status === "ready" ? layout.graph.nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)) : []),
    [layout, selectedId],
  );
  const context = useMemo<GraphContextValue>(
    () => ({ toggleGroup: onToggleGroup, showMore: onShowMore, select: onSelect, ...(matches && { matches }), ...(pinned && { pinned }) }),
    [onToggleGroup, onShowMore, onSelect, matches, pinned],
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
    <div ref={container} className="relative h-full w-full" data-testid="execution-graph">
      {layout.relayout ? (
        <div className="absolute left-3 top-3 z-10 rounded bg-white/90 px-2 py-1 text-xs text-zinc-600 shadow" role="status">
          Laying out…
        </div>
      ) : null}
      <GraphContext.Provider value={context}>
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={layout.graph.edges}
          nodeTypes={NODE_TYPES}
          onNodeClick={onNodeClick}
          onPaneClick={() => onSelect(undefined)}
          fitView
          fitViewOptions={{ padding: 0.1, maxZoom: 1.2, minZoom: 0.05 }}
          minZoom={0.05}
          maxZoom={2}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
        >
          <Background gap={20} color="#e4e4e7" />
          <Controls showInteractive={false} />
          <MiniMap<FlowNode>
            pannable
            zoomable
            nodeColor={(n) => (n.type === "context" || n.type === "more" ? "#e4e4e7" : statusStyle(n.data.node.operation.status).hex)}
            nodeStrokeWidth={2}
          />
        </ReactFlow>
      </GraphContext.Provider>
    </div>
  );
}

/**
 * An execution as a graph: the start node, operations in program order, child contexts, maps and
 * parallels as nested groups (big ones closed, with counts). Clicking a node selects it; pan,
 * zoom, fit and a minimap come from React Flow, which draws only the nodes on screen.
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
