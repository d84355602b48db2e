/**
 * A graph of an execution's operations, independent of any drawing library: the execution as the
 * start node, child contexts as groups holding their operations, and edges in program order.
 */
import type { OperationView } from "./operations.js";

/** `execution`: the root/start node; `group`: a CONTEXT drawn as a box around its children. */
export type GraphNodeKind = "execution" | "operation" | "group";

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** The group node this node sits in; absent at the top level. */
  parentId?: string;
  /** Nesting depth: 0 at the top level, 1 inside one group, ... */
  depth: number;
  operation: OperationView;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

/** Nodes are ordered parents-first (pre-order), which drawing libraries such as React Flow require. */
export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Context sub types whose children run concurrently (map iterations, parallel branches), so
 * chaining them with edges would claim an order that does not exist.
 */
const CONCURRENT_SUBTYPES: ReadonlySet<string> = new Set(["Map", "Parallel"]);

/**
 * The group an operation is drawn in: the nearest CONTEXT ancestor, or undefined for the top level.
 * Unknown parents and non-context parents fall through to the level above; cycles go to the top level.
 */
function containerOf(op: OperationView, byId: ReadonlyMap<string, OperationView>): string | undefined {
  const seen = new Set<string>([op.id]);
  let container: string | undefined;
  let parentId = op.parentId;
  while (parentId !== undefined) {
    if (seen.has(parentId)) return undefined;
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    if (parent.type === "CONTEXT" && container === undefined) container = parent.id;
    parentId = parent.parentId;
  }
  return container;
}

function kindOf(op: OperationView): GraphNodeKind {
  if (op.type === "EXECUTION") return "execution";
  return op.type === "CONTEXT" ? "group" : "operation";
}

/**
 * Builds the graph model of a list of operations (as from {@link buildOperations}).
 *
 * @example buildGraphModel(buildOperations(events)).nodes.filter((n) => n.kind === "group").length
 */
export function buildGraphModel(operations: readonly OperationView[]): GraphModel {
  const byId = new Map(operations.map((op) => [op.id, op]));
  const members = new Map<string | undefined, OperationView[]>();
  for (const op of operations) {
    const container = op.type === "EXECUTION" ? undefined : containerOf(op, byId);
    const list = members.get(container) ?? [];
    list.push(op);
    members.set(container, list);
  }
  for (const list of members.values()) list.sort((a, b) => a.firstEventId - b.firstEventId);

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const visit = (container: string | undefined, depth: number) => {
    const list = members.get(container) ?? [];
    const concurrent = container !== undefined && CONCURRENT_SUBTYPES.has(byId.get(container)?.subType ?? "");
    list.forEach((op, i) => {
      const node: GraphNode = { id: op.id, kind: kindOf(op), depth, operation: op };
      if (container !== undefined) node.parentId = container;
      nodes.push(node);
      const previous = list[i - 1];
      if (previous && !concurrent) edges.push({ id: `${previous.id}->${op.id}`, source: previous.id, target: op.id });
      if (op.type === "CONTEXT") visit(op.id, depth + 1);
    });
  };
  visit(undefined, 0);
  return { nodes, edges };
}
