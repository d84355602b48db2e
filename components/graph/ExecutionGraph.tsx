"use client";
import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow, type NodeMouseHandler, type NodeTypes } from "@xyflow/react";
import type { GraphModel } from "@durable-lens/sdk/history";
import { useEffect, useMemo, useState } from "react";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { statusStyle } from "@/components/ui/status";
import { createElk, layoutGraph, type FlowGraph, type FlowNode } from "./layout";
import { ContextNode, OperationNode } from "./nodes";

// Defined once: React Flow re-mounts every node when this object changes identity.
const NODE_TYPES: NodeTypes = { operation: OperationNode, context: ContextNode };

type LayoutState = { status: "pending" } | { status: "ready"; graph: FlowGraph } | { status: "failed"; message: string };

function useLayout(model: GraphModel): LayoutState {
  const [state, setState] = useState<LayoutState>({ status: "pending" });
  useEffect(() => {
    let cancelled = false;
    createElk()
      .then((elk) => layoutGraph(model, elk))
      .then((graph) => !cancelled && setState({ status: "ready", graph }))
      .catch((error: unknown) => !cancelled && setState({ status: "failed", message: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
    };
  }, [model]);
  return state;
}

/**
 * An execution as a graph: the start node, operations in program order, child contexts as
 * nested groups. Clicking a node selects it.
 */
export function ExecutionGraph({
  model,
  selectedId,
  onSelect,
}: {
  model: GraphModel;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const layout = useLayout(model);
  const nodes = useMemo(
    () => (layout.status === "ready" ? layout.graph.nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)) : []),
    [layout, selectedId],
  );
  const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => onSelect(node.id);

  if (layout.status === "failed") return <ErrorBox title="Could not lay out the graph" message={layout.message} />;
  if (layout.status === "pending") return <Loading label="Laying out the graph…" />;
  return (
    <div className="h-full w-full" data-testid="execution-graph">
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
          nodeColor={(n) => (n.type === "context" ? "#e4e4e7" : statusStyle(n.data.node.operation.status).hex)}
          nodeStrokeWidth={2}
        />
      </ReactFlow>
    </div>
  );
}
