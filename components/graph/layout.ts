/**
 * Lays a graph model out with ELK (layered, top to bottom; child contexts as compound nodes) and
 * turns the result into React Flow nodes and edges. Kept free of React so it can be tested alone.
 */
import type { GraphModel, GraphNode } from "@durable-lens/sdk/history";
import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 76;
/** Room at the top of a group for its header. */
const GROUP_HEADER = 44;
/** Space around the whole graph. */
const PADDING = 16;
/** Vertical space between consecutive operations. */
const LAYER_GAP = 36;

/** What each React Flow node carries: the graph node (and with it the operation). */
export type OperationNodeData = { node: GraphNode };
export type FlowNodeType = "operation" | "context" | "collapsed" | "more";
export type FlowNode = Node<OperationNodeData, FlowNodeType>;

export interface FlowGraph {
  nodes: FlowNode[];
  edges: Edge[];
  width: number;
  height: number;
}

const LAYERED: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.spacing.nodeNode": "28",
  "elk.layered.spacing.nodeNodeBetweenLayers": String(LAYER_GAP),
  "elk.spacing.componentComponent": "28",
  // Keeps siblings without edges between them (map items, parallel branches) in program order.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  // ...and packs those edge-less siblings as components in the same order, whatever their sizes.
  "elk.layered.considerModelOrder.components": "MODEL_ORDER",
};
const ROOT_OPTIONS: LayoutOptions = { ...LAYERED, "elk.padding": `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]` };
const GROUP_OPTIONS: LayoutOptions = {
  ...LAYERED,
  "elk.padding": `[top=${GROUP_HEADER},left=16,bottom=16,right=16]`,
  "elk.nodeSize.constraints": "MINIMUM_SIZE",
  "elk.nodeSize.minimum": `(${NODE_WIDTH}, ${GROUP_HEADER + 24})`,
  // Concurrent children (map items, branches) have no edges between them; ELK packs such
  // components in rows, and a wide ratio keeps a handful of them on one row, in order.
  "elk.aspectRatio": "8",
};

const ROOT_ID = "__root__";

/**
 * Creates an ELK instance from the bundled build (no web worker file to serve), loaded on first use.
 *
 * @example const elk = await createElk();
 */
export async function createElk(): Promise<ELK> {
  const { default: ElkConstructor } = await import("elkjs/lib/elk.bundled.js");
  return new ElkConstructor();
}

/** Builds the ELK graph: each container holds its member nodes and the edges between them. */
function toElkGraph(model: GraphModel): ElkNode {
  const members = new Map<string | undefined, GraphNode[]>();
  for (const node of model.nodes) {
    const list = members.get(node.parentId) ?? [];
    list.push(node);
    members.set(node.parentId, list);
  }
  const containerOf = new Map(model.nodes.map((n) => [n.id, n.parentId]));
  const edgesIn = new Map<string | undefined, ElkExtendedEdge[]>();
  for (const edge of model.edges) {
    const container = containerOf.get(edge.source);
    const list = edgesIn.get(container) ?? [];
    list.push({ id: edge.id, sources: [edge.source], targets: [edge.target] });
    edgesIn.set(container, list);
  }
  const build = (node: GraphNode): ElkNode => {
    if (node.kind !== "group" || node.group?.collapsed) return { id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT };
    const children = (members.get(node.id) ?? []).map(build);
    if (children.length === 0) return { id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT, layoutOptions: GROUP_OPTIONS };
    return { id: node.id, layoutOptions: GROUP_OPTIONS, children, edges: edgesIn.get(node.id) ?? [] };
  };
  return {
    id: ROOT_ID,
    layoutOptions: ROOT_OPTIONS,
    children: (members.get(undefined) ?? []).map(build),
    edges: edgesIn.get(undefined) ?? [],
  };
}

function flowType(node: GraphNode): FlowNodeType {
  if (node.kind === "more") return "more";
  if (node.kind !== "group") return "operation";
  return node.group?.collapsed ? "collapsed" : "context";
}

/**
 * A key that changes exactly when the layout would: nodes, their nesting and whether groups are
 * closed. Statuses, durations and payloads are left out, so a poll that only moved operations
 * along keeps every node where it is.
 *
 * @example structureKey(model) === structureKey(previousModel)
 */
export function structureKey(model: GraphModel): string {
  return model.nodes.map((n) => `${n.id}<${n.parentId ?? ""}${n.group?.collapsed ? "#" : ""}`).join("|");
}

/**
 * The previous layout with the new model's data in its nodes, for a model with the same
 * {@link structureKey}: no layout run, no jumping nodes.
 *
 * @example refreshGraph(previous, nextModel).nodes[0].position === previous.nodes[0].position
 */
export function refreshGraph(previous: FlowGraph, model: GraphModel): FlowGraph {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nodes = previous.nodes.map((n) => {
    const node = byId.get(n.id);
    return node && node !== n.data.node ? { ...n, data: { node } } : n;
  });
  return { ...previous, nodes };
}

/**
 * Lays out a graph model and returns React Flow nodes (parents first, children positioned
 * relative to their group) and edges.
 *
 * @example const { nodes, edges } = await layoutGraph(buildGraphModel(ops), await createElk());
 */
export async function layoutGraph(model: GraphModel, elk: ELK): Promise<FlowGraph> {
  const laidOut = await elk.layout(toElkGraph(model));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nodes: FlowNode[] = [];
  const visit = (elkNode: ElkNode, parentId: string | undefined) => {
    const node = byId.get(elkNode.id);
    if (!node) return;
    const width = elkNode.width ?? NODE_WIDTH;
    const height = elkNode.height ?? NODE_HEIGHT;
    const flowNode: FlowNode = {
      id: node.id,
      type: flowType(node),
      position: { x: elkNode.x ?? 0, y: elkNode.y ?? 0 },
      data: { node },
      width,
      height,
      style: { width, height },
      draggable: false,
      connectable: false,
    };
    if (parentId !== undefined) {
      flowNode.parentId = parentId;
      flowNode.extent = "parent";
    }
    nodes.push(flowNode);
    for (const child of elkNode.children ?? []) visit(child, node.id);
  };
  for (const child of laidOut.children ?? []) visit(child, undefined);

  return { nodes, edges: flowEdges(model), width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
}

/**
 * The layout of a graph with nothing nested (every node at the top level, groups closed or
 * empty), which is a single column in program order: what ELK's layered layout gives such a
 * chain, computed here at once, so a huge map that opens closed needs no ELK at all.
 * Undefined for anything else.
 *
 * @example stackedLayout(buildGraphModel(ops, { collapsed }))?.nodes.length
 */
export function stackedLayout(model: GraphModel): FlowGraph | undefined {
  if (model.nodes.some((n) => n.parentId !== undefined)) return undefined;
  const position = (i: number) => ({ x: PADDING, y: PADDING + i * (NODE_HEIGHT + LAYER_GAP) });
  const nodes = model.nodes.map((node, i): FlowNode => ({
    id: node.id,
    type: flowType(node),
    position: position(i),
    data: { node },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    style: { width: NODE_WIDTH, height: NODE_HEIGHT },
    draggable: false,
    connectable: false,
  }));
  const height = model.nodes.length === 0 ? 0 : position(model.nodes.length - 1).y + NODE_HEIGHT + PADDING;
  return { nodes, edges: flowEdges(model), width: NODE_WIDTH + 2 * PADDING, height };
}

function flowEdges(model: GraphModel): Edge[] {
  return model.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: "smoothstep",
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#a1a1aa" },
    style: { stroke: "#a1a1aa", strokeWidth: 1.5 },
    selectable: false,
  }));
}
