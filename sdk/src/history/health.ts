/**
 * How close an execution is to Lambda's limits, measured from its history: operations used,
 * bytes of checkpointed payloads, the largest single payload, and how many attempts failed.
 */
import { Limits, utf8Length, type ErrorObject, type Event } from "../protocol/index.js";
import { detailsOf } from "./event-details.js";
import type { OperationView, PayloadField } from "./operations.js";

/** The limits the health strip compares against. */
export const HEALTH_LIMITS = {
  /** Operations one execution may have (the execution itself not counted). */
  operations: Limits.MAX_OPERATIONS,
  /** Checkpointed data Lambda keeps for one execution. */
  storedBytes: 100 * 1024 * 1024,
  /** The largest payload a single checkpoint carries inline (bigger child-context results are rebuilt on replay). */
  payloadBytes: Limits.CHECKPOINT_PAYLOAD_BYTES,
} as const;

export interface LargestPayload {
  bytes: number;
  eventId: number;
  operationId?: string;
  field: PayloadField;
}

export interface HistoryHealth {
  /** Operations other than the execution itself. */
  operations: number;
  /** UTF-8 bytes of every payload in the history (inputs, results, errors). */
  storedBytes: number;
  largestPayload?: LargestPayload;
  /** Step attempts that ended in failure, retried or not. */
  failedAttempts: number;
  /** Steps that needed more than one attempt. */
  retriedOperations: number;
  /** Payloads the service truncated. */
  truncatedPayloads: number;
  /** Operations still open when the execution ended (see `OperationView.abandoned`): work that never finished. */
  abandoned: number;
}

function errorBytes(error: ErrorObject): number {
  let n = 0;
  if (error.ErrorType) n += utf8Length(error.ErrorType);
  if (error.ErrorMessage) n += utf8Length(error.ErrorMessage);
  if (error.ErrorData) n += utf8Length(error.ErrorData);
  for (const line of error.StackTrace ?? []) n += utf8Length(line);
  return n;
}

/**
 * Measures a history against Lambda's limits.
 *
 * @example measureHistory(events, projection.operations).operations // 12
 */
export function measureHistory(events: readonly Event[], operations: readonly OperationView[]): HistoryHealth {
  let storedBytes = 0;
  let truncatedPayloads = 0;
  let largest: LargestPayload | undefined;
  const consider = (bytes: number, event: Event, field: PayloadField) => {
    storedBytes += bytes;
    if (largest && largest.bytes >= bytes) return;
    largest = { bytes, eventId: event.EventId ?? 0, field };
    if (event.Id) largest.operationId = event.Id;
  };
  for (const event of events) {
    const d = detailsOf(event);
    if (!d) continue;
    if (d.Input?.Payload !== undefined) consider(utf8Length(d.Input.Payload), event, "input");
    if (d.Result?.Payload !== undefined) consider(utf8Length(d.Result.Payload), event, "result");
    if (d.Error?.Payload) consider(errorBytes(d.Error.Payload), event, "error");
    if (d.Input?.Truncated) truncatedPayloads++;
    if (d.Result?.Truncated) truncatedPayloads++;
    if (d.Error?.Truncated) truncatedPayloads++;
  }
  let failedAttempts = 0;
  let retriedOperations = 0;
  let count = 0;
  let abandoned = 0;
  for (const op of operations) {
    if (op.type !== "EXECUTION") count++;
    if (op.abandoned) abandoned++;
    if (op.attempts.length > 1) retriedOperations++;
    for (const a of op.attempts) if (a.status === "FAILED") failedAttempts++;
  }
  const health: HistoryHealth = { operations: count, storedBytes, failedAttempts, retriedOperations, truncatedPayloads, abandoned };
  if (largest) health.largestPayload = largest;
  return health;
}
