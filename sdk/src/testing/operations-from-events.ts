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

/** What an operation keeps of its details when an event replaces them: the fields set when it started. */
function startFields(op: Operation, details: Record<string, unknown>): Record<string, unknown> {
  const keep = op.Type === "CALLBACK" ? "CallbackId" : op.Type === "WAIT" ? "ScheduledEndTimestamp" : op.Type === "EXECUTION" ? "InputPayload" : undefined;
  return keep && details[keep] !== undefined ? { [keep]: details[keep] } : {};
}

/**
 * Folds one event into the operation it belongs to, as the service's operation table holds
 * it: an end or retry replaces the details (a step's last error goes once it succeeds), a
 * retry's new start keeps them, and the start time is the first attempt's.
 */
function apply(op: Operation, event: Event, phase: EventPhase, isNew: boolean): void {
  const details = (event as unknown as Record<string, EventDetails | undefined>)[`${event.EventType}Details`] ?? {};
  const at = event.EventTimestamp;
  const slot = op as unknown as Record<string, Record<string, unknown> | undefined>;
  const previous = slot[DETAILS[op.Type]] ?? {};
  op.Status = STATUS[phase];
  if (phase === "started") {
    delete op.EndTimestamp;
    if (!isNew) return;
    const fresh: Record<string, unknown> = {};
    if (op.Type === "EXECUTION" && details.Input?.Payload !== undefined) fresh.InputPayload = details.Input.Payload;
    if (op.Type === "CALLBACK" && details.CallbackId !== undefined) fresh.CallbackId = details.CallbackId;
    if (op.Type === "WAIT" && details.ScheduledEndTimestamp !== undefined) fresh.ScheduledEndTimestamp = details.ScheduledEndTimestamp;
    slot[DETAILS[op.Type]] = fresh;
    return;
  }
  const next = startFields(op, previous);
  // The execution's own outcome is the service's, not one of its operation's details.
  if (op.Type !== "EXECUTION" && details.Result?.Payload !== undefined) next.Result = details.Result.Payload;
  if (op.Type !== "EXECUTION" && details.Error?.Payload !== undefined) next.Error = details.Error.Payload;
  const retry = details.RetryDetails;
  if (op.Type === "STEP" && retry?.CurrentAttempt !== undefined) next.Attempt = retry.CurrentAttempt;
  // A step that checkpointed a retry waits for its next attempt rather than ending.
  if (op.Type === "STEP" && retry?.NextAttemptDelaySeconds !== undefined && at) {
    op.Status = "PENDING";
    next.NextAttemptTimestamp = new Date(at.getTime() + retry.NextAttemptDelaySeconds * 1000);
  } else if (at) {
    op.EndTimestamp = at;
  }
  slot[DETAILS[op.Type]] = next;
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
    const isNew = !entry;
    if (!entry) {
      const operation: Operation = { Id: event.Id, Type: kind.type, Status: "STARTED", StartTimestamp: event.EventTimestamp ?? new Date(0) };
      if (event.Name !== undefined) operation.Name = event.Name;
      if (event.ParentId !== undefined) operation.ParentId = event.ParentId;
      if (event.SubType !== undefined) operation.SubType = event.SubType;
      byId.set(event.Id, (entry = { operation, events: [] }));
    }
    entry.events.push(event);
    apply(entry.operation, event, kind.phase, isNew);
  }
  return [...byId.values()];
}
