/**
 * Pure projections of an execution's history for the UI: parsing untrusted input, the operation
 * tree with attempts and timings, and a graph model independent of any drawing library.
 * Browser-safe: no Node APIs.
 */
export { parseHistory, type ParsedHistory } from "./parse.js";
export { EVENT_KINDS, eventKind, type EventPhase, type OperationEventType } from "./event-kinds.js";
export {
  projectHistory,
  buildOperations,
  buildInvocations,
  operationLabel,
  operationDurationMs,
  type OperationView,
  type OperationViewStatus,
  type AttemptView,
  type AttemptStatus,
  type InvocationView,
  type HistoryProjection,
} from "./operations.js";
export { buildGraphModel, type GraphModel, type GraphNode, type GraphEdge, type GraphNodeKind } from "./graph.js";
