/**
 * Pure projections of an execution's history for the UI: parsing untrusted input, the operation
 * tree with attempts and timings, a graph model independent of any drawing library, a timeline,
 * event rows for tables and health figures against Lambda's limits.
 * Browser-safe: no Node APIs.
 */
export { parseHistory, createHistoryParser, type ParsedHistory } from "./parse.js";
export { EVENT_KINDS, eventKind, type EventPhase, type OperationEventType } from "./event-kinds.js";
export {
  projectHistory,
  buildOperations,
  buildInvocations,
  operationLabel,
  operationDurationMs,
  isOpen,
  type OperationView,
  type ExecutionEnd,
  type AbandonedWork,
  type OperationViewStatus,
  type AttemptView,
  type AttemptStatus,
  type InvocationView,
  type UnfinishedInvocationView,
  type PayloadField,
  type HistoryProjection,
} from "./operations.js";
export {
  buildGraphModel,
  defaultCollapsedGroups,
  moreNodeId,
  DEFAULT_PAGE_SIZE,
  type MoreSummary,
  type GraphModel,
  type GraphNode,
  type GraphEdge,
  type GraphNodeKind,
  type GraphOptions,
  type GroupSummary,
} from "./graph.js";
export { flattenOperationTree, ancestorIds, type TreeEntry } from "./tree.js";
export {
  buildTimeline,
  type TimelineModel,
  type TimelineRow,
  type TimelineSegment,
  type TimelineDeadline,
  type SegmentKind,
  type InvocationLane,
} from "./timeline.js";
export { measureHistory, HEALTH_LIMITS, type HistoryHealth, type LargestPayload } from "./health.js";
export { describeEvent, describeEvents, filterEventRows, countEventTypes, searchTerms, type EventRow, type EventFilter } from "./event-rows.js";
export {
  diffExecutions,
  type ExecutionDiff,
  type ExecutionDiffSummary,
  type OperationDiff,
  type DiffKind,
  type OperationField,
  type FieldChange,
  type PayloadDiff,
  type OperationTiming,
  type TimingDiff,
  type NumberDiff,
} from "./diff.js";
export {
  diffJson,
  comparePayloads,
  formatJsonPath,
  MAX_JSON_CHANGES,
  type JsonValue,
  type JsonPath,
  type JsonChange,
  type JsonDiff,
  type PayloadSide,
  type PayloadComparison,
} from "./diff-json.js";
export {
  buildReplayPoints,
  pointIndexAt,
  stepReplay,
  eventsAsOf,
  timelineAsOf,
  historyCheckpoints,
  writtenByCheckpoint,
  type HistoryCheckpoint,
  type ReplayPoint,
  type ReplayPoints,
  type ReplayUnit,
} from "./time-travel.js";
