/**
 * Rebuilds the service's state of an execution from its history, so the engine can carry on
 * from any point of a recorded (or simulated) run: the operation table the durable API would
 * return, the execution record, the callback deadlines and the events written so far.
 */
import { newCallbackId, type ExecutionRecord, type Store } from "../engine/index.js";
import { projectHistory, type OperationView } from "../history/index.js";
import type { Event, Operation } from "../protocol/index.js";

/** What {@link seedExecution} writes, for the caller to pick the engine up from. */
export interface SeededExecution {
  record: ExecutionRecord;
  operations: Operation[];
}

/** The execution's parts a seed needs beyond its events. */
export interface SeedTarget {
  arn: string;
  functionName: string;
  /** The function ARN without qualifier; derived from `arn` when omitted. */
  functionArn?: string;
}

const DEFAULT_EXECUTION_TIMEOUT_SECONDS = 86_400;

/** A step's details as the service holds them: Attempt counts the attempts that ended. */
function stepDetails(view: OperationView): Operation["StepDetails"] {
  const ended = view.attempts.filter((a) => a.status !== "STARTED");
  const last = ended.at(-1);
  const details: NonNullable<Operation["StepDetails"]> = { Attempt: ended.length };
  if (last?.result !== undefined) details.Result = last.result;
  if (last?.error !== undefined) details.Error = last.error;
  if (view.status === "PENDING" && last?.endedAt && last.nextAttemptDelaySeconds !== undefined) {
    details.NextAttemptTimestamp = new Date(last.endedAt.getTime() + last.nextAttemptDelaySeconds * 1000);
  }
  return details;
}

/**
 * One operation of the durable API's table from its projected view. Callback ids are issued
 * anew in the engine's own format (the recorded ids belong to the service that wrote them).
 */
function toOperation(view: OperationView, arn: string): Operation {
  const op: Operation = {
    Id: view.id,
    Type: view.type,
    Status: view.status,
    StartTimestamp: view.startedAt ?? new Date(0),
  };
  if (view.parentId !== undefined) op.ParentId = view.parentId;
  if (view.name !== undefined) op.Name = view.name;
  if (view.subType !== undefined) op.SubType = view.subType;
  if (view.endedAt) op.EndTimestamp = view.endedAt;
  const outcome = { ...(view.result !== undefined && { Result: view.result }), ...(view.error && { Error: view.error }) };
  switch (view.type) {
    case "EXECUTION":
      op.Status = "STARTED";
      delete op.EndTimestamp;
      op.ExecutionDetails = view.input !== undefined ? { InputPayload: view.input } : {};
      break;
    case "STEP":
      op.StepDetails = stepDetails(view);
      break;
    case "WAIT":
      op.WaitDetails = view.wait?.scheduledEndAt ? { ScheduledEndTimestamp: view.wait.scheduledEndAt } : {};
      break;
    case "CALLBACK":
      op.CallbackDetails = { CallbackId: newCallbackId(arn, view.id), ...outcome };
      break;
    case "CHAINED_INVOKE":
      op.ChainedInvokeDetails = outcome;
      break;
    case "CONTEXT":
      op.ContextDetails = outcome;
      break;
  }
  return op;
}

/** The service's side of an execution at one point of its history. */
export interface RebuiltState {
  operations: Operation[];
  /** Deadlines of the callbacks still open, by operation id. */
  callbacks: NonNullable<ExecutionRecord["callbacks"]>;
  /** Chained invokes still open: operation id to the invoked function's name. */
  openInvokes: Map<string, string>;
}

/**
 * The operation table as of the last of `events`, in program order, with the deadlines of the
 * callbacks still open.
 *
 * @example rebuildOperations(events.slice(0, 12), arn).operations.map((op) => op.Status)
 */
export function rebuildOperations(events: readonly Event[], arn: string): RebuiltState {
  const operations: Operation[] = [];
  const callbacks: NonNullable<ExecutionRecord["callbacks"]> = {};
  const openInvokes = new Map<string, string>();
  for (const view of projectHistory(events).operations) {
    operations.push(toOperation(view, arn));
    if (view.type === "CHAINED_INVOKE" && view.status === "STARTED") openInvokes.set(view.id, view.chainedInvoke?.functionName ?? "");
    if (view.type === "CALLBACK" && view.status === "STARTED" && view.startedAt) {
      const start = view.startedAt.getTime();
      const { timeoutSeconds, heartbeatTimeoutSeconds } = view.callback ?? {};
      callbacks[view.id] = {
        ...(timeoutSeconds ? { timeoutAtMs: start + timeoutSeconds * 1000 } : {}),
        ...(heartbeatTimeoutSeconds ? { heartbeatTimeoutSeconds, heartbeatAtMs: start + heartbeatTimeoutSeconds * 1000 } : {}),
      };
    }
  }
  return { operations, callbacks, openInvokes };
}

/**
 * Writes a running execution into `store` as of the last of `events` (which must start with
 * ExecutionStarted): its record, operations and events. Chained invokes still open get a
 * running child execution, so the engine answers them when that child ends.
 *
 * @example seedExecution(store, recordedEvents.slice(0, n), { arn, functionName: "order-processor" })
 */
export function seedExecution(store: Store, events: readonly Event[], target: SeedTarget): SeededExecution {
  const started = events.find((e) => e.EventType === "ExecutionStarted");
  if (!started?.Id) throw new Error("The history has no ExecutionStarted event with an Id; there is nothing to start from");
  const { operations, callbacks, openInvokes } = rebuildOperations(events, target.arn);
  const details = started.ExecutionStartedDetails;
  const lastEventId = Math.max(0, ...events.map((e) => e.EventId ?? 0));
  const record: ExecutionRecord = {
    arn: target.arn,
    seq: store.nextExecutionSeq(),
    name: started.Name ?? started.Id,
    executionId: started.Id,
    functionName: target.functionName,
    functionArn: target.functionArn ?? target.arn.split(":durable-execution:")[0]!.replace(/:[^:]+$/, ""),
    version: "$LATEST",
    status: "RUNNING",
    startMs: (started.EventTimestamp ?? new Date(0)).getTime(),
    executionTimeoutSeconds: details?.ExecutionTimeout ?? DEFAULT_EXECUTION_TIMEOUT_SECONDS,
    wakePending: false,
    invocationFailures: 0,
    serviceChangedIds: [],
    callbacks,
    nextEventId: lastEventId + 1,
  };
  if (details?.Input?.Payload !== undefined) record.inputPayload = details.Input.Payload;
  store.transaction(() => {
    store.insertExecution(record);
    for (const op of operations) store.putOperation(target.arn, op);
    for (const e of [...events].sort((a, b) => (a.EventId ?? 0) - (b.EventId ?? 0))) store.appendEvent(target.arn, e);
    for (const [opId, functionName] of openInvokes) {
      // The invoked execution, running, so that its (simulated) end answers this operation.
      const arn = `${target.arn}-invoke-${opId}`;
      store.insertExecution({ ...record, arn, seq: store.nextExecutionSeq(), name: opId, executionId: opId, functionName, callbacks: {}, nextEventId: 1, parent: { arn: target.arn, opId } });
      store.putOperation(arn, { Id: opId, Type: "EXECUTION", Status: "STARTED", StartTimestamp: new Date(record.startMs), ExecutionDetails: {} });
    }
  });
  return { record, operations };
}
