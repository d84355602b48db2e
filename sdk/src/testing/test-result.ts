import type { ErrorObject, Event, ExecutionStatus, OperationStatus } from "../protocol/index.js";
import type { DurableOperation, Invocation, PrintConfig, TestResult, TestResultError } from "./types.js";
import { toTestResultError, tryJsonParse } from "./values.js";

/** How an execution ended, as the service recorded it. */
export interface ExecutionOutcome {
  status: ExecutionStatus;
  /** The serialized result of a SUCCEEDED execution. */
  result?: string;
  error?: ErrorObject;
}

function errorOf(outcome: ExecutionOutcome): TestResultError {
  return toTestResultError(outcome.error) ?? { errorMessage: `Execution failed with status "${outcome.status}"`, errorType: undefined, errorData: undefined, stackTrace: undefined };
}

function invocations(events: readonly Event[]): Invocation[] {
  return events
    .filter((e) => e.EventType === "InvocationCompleted")
    .map((e) => ({
      startTimestamp: e.InvocationCompletedDetails?.StartTimestamp,
      endTimestamp: e.InvocationCompletedDetails?.EndTimestamp,
      requestId: e.InvocationCompletedDetails?.RequestId,
      error: toTestResultError(e.InvocationCompletedDetails?.Error?.Payload),
    }));
}

function printOperations(operations: readonly DurableOperation[], config: PrintConfig = {}): void {
  if (operations.length === 0) {
    console.log("No operations found.");
    return;
  }
  const show = { parentId: true, name: true, type: true, subType: true, status: true, startTime: true, endTime: true, duration: true, ...config };
  const rows = operations.map((op) => {
    const start = op.getStartTimestamp();
    const end = op.getEndTimestamp();
    const row: Record<string, string> = {};
    if (show.parentId) row.parentId = op.getParentId() ?? "-";
    if (show.name) row.name = op.getName() ?? "-";
    if (show.type) row.type = op.getType() ?? "-";
    if (show.subType) row.subType = op.getSubType() ?? "-";
    if (show.status) row.status = op.getStatus() ?? "-";
    if (show.startTime) row.startTime = start ? start.toISOString() : "-";
    if (show.endTime) row.endTime = end ? end.toISOString() : "-";
    if (show.duration) row.duration = start && end ? `${end.getTime() - start.getTime()}ms` : "-";
    return row;
  });
  console.table(rows);
}

/**
 * The result a run hands back: the outcome, the history and the operations of the ended execution.
 *
 * @example createTestResult({ status: "SUCCEEDED", result: "1" }, events, () => []).getResult() // 1
 */
export function createTestResult<TResult>(outcome: ExecutionOutcome, events: Event[], operations: () => DurableOperation[]): TestResult<TResult> {
  const calls = invocations(events);
  return {
    getStatus: () => outcome.status,
    getResult: () => {
      if (outcome.status !== "SUCCEEDED") {
        const e = errorOf(outcome);
        const error = new Error(e.errorMessage?.trim());
        if (e.stackTrace) error.stack = e.stackTrace.join("\n");
        throw error;
      }
      return tryJsonParse<TResult>(outcome.result);
    },
    getError: () => {
      if (outcome.status === "SUCCEEDED") throw new Error("Cannot get error for succeeded execution");
      return errorOf(outcome);
    },
    getOperations: (params?: { status: OperationStatus }) => operations().filter((op) => !params || op.getStatus() === params.status),
    getInvocations: () => calls,
    getHistoryEvents: () => events,
    print: (config?: PrintConfig) => printOperations(operations(), config),
  };
}
