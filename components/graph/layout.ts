/**
 * Lays a graph model out with ELK (layered, top to bottom; child contexts as compound nodes) and
 * turns the result into React Flow nodes and edges. Operations that ran at the same time share a
 * layer, so they sit side by side in one row. Kept free of React so it can be tested alone.
 */
import type { GraphModel, GraphNode } from "@durable-lens/sdk/history";
import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";
import { fanOutBox, groupHeader, leafSize, NODE_HEIGHT, NODE_WIDTH, type Size } from "./node-size";

export { NODE_HEIGHT, NODE_WIDTH };
/** Space around the whole graph. */
const PADDING = 16;
/** Vertical space between consecutive operations. */
const LAYER_GAP = 36;

/** What each React Flow node carries: the graph node (and with it the operation). */
export type OperationNodeData = { node: GraphNode };
export type FlowNodeType = "operation" | "context" | "collapsed" | "more" | "fanout";
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
  // A node's layer is its longest chain of predecessors: operations that started together (no
  // edge between them, the same predecessors) share a layer, i.e. a row.
  "elk.layered.layering.strategy": "LONGEST_PATH_SOURCE",
  // One layered drawing per level, so operations with no predecessor in their group (the first
  // ones of a child context, concurrent map items) all start on its first row.
  "elk.separateConnectedComponents": "false",
  // Keeps each row in program order.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.crossingMinimization.forceNodeModelOrder": "true",
  // A node sits centred over the operations it forks into and under those it joins.
  "elk.layered.nodePlacement.bk.fixedAlignment": "BALANCED",
};
const ROOT_OPTIONS: LayoutOptions = { ...LAYERED, "elk.padding": `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]` };

/** Options of an open group whose header (or fan-out panel) is `top` tall and `width` wide. */
function groupOptions(top: number, width: number): LayoutOptions {
  return {
    ...LAYERED,
    "elk.padding": `[top=${top + 12},left=16,bottom=16,right=16]`,
    "elk.nodeSize.constraints": "MINIMUM_SIZE",
    "elk.nodeSize.minimum": `(${width}, ${top + 24})`,
  };
}

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
    if (node.kind !== "group" || node.group?.collapsed) return { id: node.id, ...leafSize(node) };
    const box = openGroupBox(node);
    const options = groupOptions(box.height, box.width);
    const children = (members.get(node.id) ?? []).map(build);
    if (children.length === 0) return { id: node.id, ...openLeafSize(node) };
    return { id: node.id, layoutOptions: options, children, edges: edgesIn.get(node.id) ?? [] };
  };
  return {
    id: ROOT_ID,
    layoutOptions: ROOT_OPTIONS,
    children: (members.get(undefined) ?? []).map(build),
    edges: edgesIn.get(undefined) ?? [],
  };
}

/** What an open group draws above its members: its header, or a fan-out's whole panel. */
function openGroupBox(node: GraphNode): Size {
  const fanOut = node.group?.fanOut;
  return fanOut ? fanOutBox(node.operation, fanOut.items) : groupHeader(node.operation);
}

function flowType(node: GraphNode): FlowNodeType {
  if (node.kind === "more") return "more";
  if (node.kind !== "group") return "operation";
  if (node.group?.collapsed) return "collapsed";
  return node.group?.fanOut ? "fanout" : "context";
}

/**
 * A key that changes exactly when the layout would: nodes, their nesting and whether groups are
 * closed. Statuses, durations and payloads are left out, so a poll that only moved operations
 * along keeps every node where it is.
 *
 * @example structureKey(model) === structureKey(previousModel)
 */
export function structureKey(model: GraphModel): string {
  // A fan-out's panel grows with its items (up to a few rows), so its size is part of the key.
  const extra = (n: GraphNode) => {
    if (n.group?.collapsed) return "#";
    const fanOut = n.group?.fanOut;
    if (!fanOut) return "";
    const box = fanOutBox(n.operation, fanOut.items);
    return `~${box.width}x${box.height}`;
  };
  return model.nodes.map((n) => `${n.id}<${n.parentId ?? ""}${extra(n)}`).join("|");
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

/** True when the edges chain the nodes one after another in their order, and nothing else. */
function isOneChain(model: GraphModel): boolean {
  if (model.edges.length !== Math.max(0, model.nodes.length - 1)) return false;
  return model.edges.every((e, i) => e.source === model.nodes[i]!.id && e.target === model.nodes[i + 1]!.id);
}

/**
 * The layout of a graph with nothing nested (every node at the top level, groups closed, empty or
 * fan-out panels) whose operations ran one after another: a single column in program order, as ELK
 * lays out such a chain, computed here at once, so a huge map that opens as a grid needs no ELK.
 * Undefined for anything else, in particular for operations that ran at the same time, which
 * belong side by side.
 *
 * @example stackedLayout(buildGraphModel(ops, { collapsed }))?.nodes.length
 */
export function stackedLayout(model: GraphModel): FlowGraph | undefined {
  if (model.nodes.some((n) => n.parentId !== undefined) || !isOneChain(model)) return undefined;
  const sizes = model.nodes.map((node) => (node.kind === "group" && !node.group?.collapsed ? openLeafSize(node) : leafSize(node)));
  const width = Math.max(0, ...sizes.map((s) => s.width));
  let y = PADDING;
  const nodes = model.nodes.map((node, i): FlowNode => {
    const size = sizes[i]!;
    const position = { x: PADDING + Math.round((width - size.width) / 2), y };
    y += size.height + LAYER_GAP;
    return { id: node.id, type: flowType(node), position, data: { node }, ...size, style: { ...size }, draggable: false, connectable: false };
  });
  const height = model.nodes.length === 0 ? 0 : y - LAYER_GAP + PADDING;
  return { nodes, edges: flowEdges(model), width: width + 2 * PADDING, height };
}

/** The size ELK gives an open group with nothing drawn inside (see toElkGraph). */
function openLeafSize(node: GraphNode): Size {
  const box = openGroupBox(node);
  return { width: box.width, height: box.height + (node.group?.fanOut ? 0 : 24) };
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
