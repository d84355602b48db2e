import { eventKind, type EventPhase } from "../history/index.js";
import type { ErrorObject, Event, Operation, OperationStatus, OperationType } from "../protocol/index.js";
import type { OperationEvents } from "./operation-index.js";

const STATUS: Record<EventPhase, OperationStatus> = {
  started: "STARTED",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  cancelled: "CANCELLED",
  timedOut: "TIMED_OUT",
  stopped: "STOPPED",
};

/** Where each operation type keeps its details on an Operation. */
const DETAILS = {
  EXECUTION: "ExecutionDetails",
  CONTEXT: "ContextDetails",
  STEP: "StepDetails",
  WAIT: "WaitDetails",
  CALLBACK: "CallbackDetails",
  CHAINED_INVOKE: "ChainedInvokeDetails",
} as const satisfies Record<OperationType, keyof Operation>;

interface EventDetails {
  Input?: { Payload?: string };
  Result?: { Payload?: string };
  Error?: { Payload?: ErrorObject };
  RetryDetails?: { CurrentAttempt?: number; NextAttemptDelaySeconds?: number };
  CallbackId?: string;
  ScheduledEndTimestamp?: Date;
}

/** Folds one event into the operation it belongs to, as the service's operation table would hold it. */
function apply(op: Operation, event: Event, phase: EventPhase): void {
  const details = (event as unknown as Record<string, EventDetails | undefined>)[`${event.EventType}Details`] ?? {};
  const at = event.EventTimestamp;
  const target = ((op as unknown as Record<string, Record<string, unknown>>)[DETAILS[op.Type]] ??= {});
  const set = (key: string, value: unknown) => value !== undefined && (target[key] = value);
  op.Status = STATUS[phase];
  if (phase === "started") {
    if (at) op.StartTimestamp = at;
    delete op.EndTimestamp;
  } else if (at) {
    op.EndTimestamp = at;
  }
  set("Result", details.Result?.Payload);
  set("Error", details.Error?.Payload);
  if (op.Type === "EXECUTION") set("InputPayload", details.Input?.Payload);
  if (op.Type === "CALLBACK") set("CallbackId", details.CallbackId);
  if (op.Type === "WAIT") set("ScheduledEndTimestamp", details.ScheduledEndTimestamp);
  if (op.Type === "STEP" && phase !== "started") {
    const retry = details.RetryDetails;
    set("Attempt", retry?.CurrentAttempt);
    // A step that checkpointed a retry waits for its next attempt, ended or not.
    if (retry?.NextAttemptDelaySeconds !== undefined && at) {
      op.Status = "PENDING";
      delete op.EndTimestamp;
      target.NextAttemptTimestamp = new Date(at.getTime() + retry.NextAttemptDelaySeconds * 1000);
    } else {
      delete target.NextAttemptTimestamp;
    }
  }
}

/**
 * The operations a history describes, each with its events, in the order they first appear:
 * what a runner that only reads history (the cloud runner) knows of them.
 *
 * @example operationsFromEvents(events).map((o) => o.operation.Status)
 */
export function operationsFromEvents(events: readonly Event[]): OperationEvents[] {
  const byId = new Map<string, OperationEvents>();
  for (const event of events) {
    const kind = eventKind(event.EventType);
    if (!kind || event.Id === undefined) continue;
    let entry = byId.get(event.Id);
    if (!entry) {
      const operation: Operation = { Id: event.Id, Type: kind.type, Status: "STARTED", StartTimestamp: event.EventTimestamp ?? new Date(0) };
      if (event.Name !== undefined) operation.Name = event.Name;
      if (event.ParentId !== undefined) operation.ParentId = event.ParentId;
      if (event.SubType !== undefined) operation.SubType = event.SubType;
      byId.set(event.Id, (entry = { operation, events: [] }));
    }
    entry.events.push(event);
    apply(entry.operation, event, kind.phase);
  }
  return [...byId.values()];
}
