/**
 * Projects a history's events onto the operations they describe: one view per operation Id with
 * its status, timings, attempts, payloads and children, plus the invocations of the function.
 */
import type { ErrorObject, Event, EventError, OperationStatus, OperationType } from "../protocol/index.js";
import { detailsOf, type EventDetails } from "./event-details.js";
import { eventKind, type EventPhase } from "./event-kinds.js";
import { assignRoles } from "./roles.js";

/** Operation statuses a history can show (READY exists only in the live operation table). */
export type OperationViewStatus = Exclude<OperationStatus, "READY">;

/** How one attempt of a step ended, or STARTED while it runs (or when the history stops mid-attempt). */
export type AttemptStatus = "STARTED" | "SUCCEEDED" | "FAILED";

/** One StepStarted..StepSucceeded/StepFailed pair. */
export interface AttemptView {
  /** 1-based position among the step's attempts in history order. */
  number: number;
  /** `RetryDetails.CurrentAttempt` as the service wrote it, when it did (implementations number differently). */
  reportedAttempt?: number;
  status: AttemptStatus;
  startEventId?: number;
  endEventId?: number;
  startedAt?: Date;
  endedAt?: Date;
  result?: string;
  error?: ErrorObject;
  /** Set when the step failed and the runtime scheduled another attempt. */
  nextAttemptDelaySeconds?: number;
}

/** One operation of an execution, as its history events describe it. */
export interface OperationView {
  id: string;
  parentId?: string;
  name?: string;
  type: OperationType;
  subType?: string;
  status: OperationViewStatus;
  startedAt?: Date;
  /** Set once the operation reached a final status. */
  endedAt?: Date;
  firstEventId: number;
  lastEventId: number;
  eventIds: number[];
  /** Step attempts in order; empty for other operation types. */
  attempts: AttemptView[];
  /** The execution's input, or a chained invoke's input. */
  input?: string;
  result?: string;
  error?: ErrorObject;
  /** True when the service truncated one of this operation's payloads. */
  truncated: boolean;
  /** Which payloads were truncated (in any of the operation's events), so the UI can mark each one. */
  truncatedPayloads?: PayloadField[];
  wait?: { durationSeconds?: number; scheduledEndAt?: Date };
  callback?: { callbackId?: string; timeoutSeconds?: number; heartbeatTimeoutSeconds?: number };
  chainedInvoke?: { functionName?: string; tenantId?: string; durableExecutionArn?: string; executedVersion?: string };
  executionTimeoutSeconds?: number;
  /** Ids of the operations whose ParentId is this one, in program order. */
  children: string[];
  /**
   * What an operation without a Name is, from its place in the tree ("approval · callback",
   * "resize · item 3", "wait 5 s"): set by {@link projectHistory} on unnamed operations.
   */
  role?: string;
  /** Set on every operation once the execution has ended (one shared object): how and when it ended. */
  executionEnd?: ExecutionEnd;
  /** Set when the operation never closed although the execution ended: work it left behind. */
  abandoned?: AbandonedWork;
}

/** How the execution an operation belongs to ended. */
export interface ExecutionEnd {
  /** SUCCEEDED, FAILED, TIMED_OUT or STOPPED. */
  status: OperationViewStatus;
  at?: Date;
}

/** An operation still STARTED, or PENDING a retry, when its execution ended. */
export interface AbandonedWork {
  executionStatus: OperationViewStatus;
  executionEndedAt?: Date;
  /** For a step waiting to retry: the number of the attempt that never ran. */
  retryNeverRan?: number;
}

/** The payload members of event details. */
export type PayloadField = "input" | "result" | "error";

/** One run of the function, from an InvocationCompleted event. */
export interface InvocationView {
  eventId: number;
  requestId?: string;
  startedAt?: Date;
  endedAt?: Date;
  error?: ErrorObject;
  /**
   * Operations the function wrote events for in this run (started, or a step/context finished),
   * in history order; events the service writes on its own (a wait firing, a callback answered)
   * do not count, and neither does the execution itself.
   */
  operationIds: string[];
}

/** Operations the function wrote events for after the last InvocationCompleted: a run still going. */
export interface UnfinishedInvocationView {
  startedAt?: Date;
  operationIds: string[];
}

/** Everything {@link projectHistory} derives from a list of events. */
export interface HistoryProjection {
  /** In program order (by the EventId of each operation's first event). */
  operations: OperationView[];
  invocations: InvocationView[];
  /** Set when events follow the last InvocationCompleted, i.e. an invocation is (or was cut off) mid-run. */
  unfinishedInvocation?: UnfinishedInvocationView;
  /** Inconsistencies found while projecting; the affected events are ignored. */
  problems: string[];
}

/** An ErrorObject with no members (services write `"Error": {}` for "no error") counts as absent. */
function errorOf(error: EventError | undefined): ErrorObject | undefined {
  const payload = error?.Payload;
  if (!payload) return undefined;
  return Object.values(payload).some((v) => v !== undefined) ? payload : undefined;
}

const FINAL_STATUS: Record<Exclude<EventPhase, "started">, OperationViewStatus> = {
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  cancelled: "CANCELLED",
  timedOut: "TIMED_OUT",
  stopped: "STOPPED",
};

interface Builder {
  view: OperationView;
  /** The step attempt that has started and not yet ended. */
  open?: AttemptView;
}

function newView(event: Event, type: OperationType): OperationView {
  return {
    id: event.Id!,
    type,
    status: "STARTED",
    firstEventId: event.EventId ?? 0,
    lastEventId: event.EventId ?? 0,
    eventIds: [],
    attempts: [],
    truncated: false,
    children: [],
  };
}

function onStarted(b: Builder, event: Event, d: EventDetails): void {
  const v = b.view;
  const at = event.EventTimestamp;
  v.status = "STARTED";
  v.startedAt ??= at;
  v.endedAt = undefined;
  v.result = undefined;
  v.error = undefined;
  switch (v.type) {
    case "EXECUTION":
      v.input = d.Input?.Payload;
      v.executionTimeoutSeconds = d.ExecutionTimeout;
      break;
    case "STEP": {
      // A StepStarted while an attempt is open means that attempt never reported back; it stays STARTED.
      const attempt: AttemptView = { number: v.attempts.length + 1, status: "STARTED", startEventId: event.EventId, startedAt: at };
      v.attempts.push(attempt);
      b.open = attempt;
      break;
    }
    case "WAIT":
      v.wait = { durationSeconds: d.Duration, scheduledEndAt: d.ScheduledEndTimestamp };
      break;
    case "CALLBACK":
      v.callback = { callbackId: d.CallbackId, timeoutSeconds: d.Timeout, heartbeatTimeoutSeconds: d.HeartbeatTimeout };
      break;
    case "CHAINED_INVOKE":
      v.input = d.Input?.Payload;
      v.chainedInvoke = {
        functionName: d.FunctionName,
        tenantId: d.TenantId,
        durableExecutionArn: d.DurableExecutionArn,
        executedVersion: d.ExecutedVersion,
      };
      break;
    case "CONTEXT":
      break;
  }
}

function closeAttempt(b: Builder, event: Event, status: AttemptStatus, d: EventDetails, error: ErrorObject | undefined): void {
  const v = b.view;
  let attempt = b.open;
  if (!attempt) {
    // The history lacks this attempt's StepStarted (e.g. a page of it was cut off); keep the outcome anyway.
    attempt = { number: v.attempts.length + 1, status };
    v.attempts.push(attempt);
  }
  b.open = undefined;
  attempt.status = status;
  attempt.endEventId = event.EventId;
  attempt.endedAt = event.EventTimestamp;
  attempt.reportedAttempt = d.RetryDetails?.CurrentAttempt;
  attempt.nextAttemptDelaySeconds = d.RetryDetails?.NextAttemptDelaySeconds;
  if (status === "SUCCEEDED") attempt.result = d.Result?.Payload;
  else attempt.error = error;
}

function onEnded(b: Builder, event: Event, phase: Exclude<EventPhase, "started">, d: EventDetails): void {
  const v = b.view;
  const error = phase === "succeeded" ? undefined : errorOf(d.Error);
  // A failed step with a next-attempt delay is waiting to retry, not finished.
  const retrying = v.type === "STEP" && phase === "failed" && d.RetryDetails?.NextAttemptDelaySeconds !== undefined;
  v.status = retrying ? "PENDING" : FINAL_STATUS[phase];
  v.endedAt = retrying ? undefined : event.EventTimestamp;
  v.result = phase === "succeeded" ? d.Result?.Payload : undefined;
  v.error = error;
  if (v.type === "STEP") closeAttempt(b, event, phase === "succeeded" ? "SUCCEEDED" : "FAILED", d, error);
  if (v.type === "WAIT" && d.Duration !== undefined) v.wait = { ...v.wait, durationSeconds: d.Duration };
}

/**
 * Outcomes the service writes by itself, between invocations: a wait's timer firing, a callback
 * answered through the API, an invoked execution ending, the execution timing out or being stopped.
 * Every other operation event comes from a checkpoint of the running function.
 */
const SERVICE_WRITTEN: ReadonlySet<string> = new Set([
  "WaitSucceeded",
  "CallbackSucceeded",
  "CallbackFailed",
  "CallbackTimedOut",
  "ChainedInvokeSucceeded",
  "ChainedInvokeFailed",
  "ChainedInvokeTimedOut",
  "ChainedInvokeStopped",
]);

function markTruncated(v: OperationView, d: EventDetails): void {
  const fields: PayloadField[] = [];
  if (d.Input?.Truncated) fields.push("input");
  if (d.Result?.Truncated) fields.push("result");
  if (d.Error?.Truncated) fields.push("error");
  if (fields.length === 0) return;
  v.truncated = true;
  const known = new Set(v.truncatedPayloads);
  for (const f of fields) known.add(f);
  v.truncatedPayloads = [...known];
}

/** Statuses an operation ends in; STARTED and PENDING (a retry scheduled) are still open. */
const CLOSED: ReadonlySet<OperationViewStatus> = new Set(Object.values(FINAL_STATUS));

/**
 * True when the operation has not reached a final status: running, waiting, or a retry scheduled.
 *
 * @example operations.filter(isOpen).length
 */
export function isOpen(op: Pick<OperationView, "status">): boolean {
  return !CLOSED.has(op.status);
}

/**
 * Once the execution has ended nothing in it runs on: what is still open was left behind (a
 * race's loser, a map item past its completion config, a wait the execution was stopped in).
 */
function markAbandoned(operations: readonly OperationView[]): void {
  const root = operations.find((op) => op.type === "EXECUTION");
  if (!root || isOpen(root)) return;
  const end: ExecutionEnd = { status: root.status };
  if (root.endedAt) end.at = root.endedAt;
  for (const op of operations) {
    op.executionEnd = end;
    if (op === root || !isOpen(op)) continue;
    const abandoned: AbandonedWork = { executionStatus: end.status };
    if (end.at) abandoned.executionEndedAt = end.at;
    if (op.status === "PENDING") abandoned.retryNeverRan = op.attempts.length + 1;
    op.abandoned = abandoned;
  }
}

function byEventId(a: Event, b: Event): number {
  return (a.EventId ?? Number.MAX_SAFE_INTEGER) - (b.EventId ?? Number.MAX_SAFE_INTEGER);
}

/**
 * Projects events onto operations and invocations, reporting inconsistencies instead of throwing.
 * Unnamed operations get a `role` from their place in the tree; once the execution has ended,
 * operations still open are marked `abandoned`. Both follow the events given, so the events up to
 * a past point project that point's truth (nothing was abandoned before the execution ended).
 *
 * @example projectHistory(parseHistory(json).events).operations.filter((op) => op.status === "FAILED")
 */
export function projectHistory(events: readonly Event[]): HistoryProjection {
  const problems: string[] = [];
  const builders = new Map<string, Builder>();
  const invocations: InvocationView[] = [];
  // Operations touched by the function since the last InvocationCompleted (insertion-ordered).
  let ranSinceLastInvocation = new Set<string>();
  let firstEventSinceLastInvocation: Date | undefined;

  for (const event of [...events].sort(byEventId)) {
    const label = `event ${event.EventId ?? "?"}`;
    const d = detailsOf(event) ?? {};
    if (event.EventType === "InvocationCompleted") {
      invocations.push({
        eventId: event.EventId ?? 0,
        requestId: d.RequestId,
        startedAt: d.StartTimestamp,
        endedAt: d.EndTimestamp,
        error: errorOf(d.Error),
        operationIds: [...ranSinceLastInvocation],
      });
      ranSinceLastInvocation = new Set();
      firstEventSinceLastInvocation = undefined;
      continue;
    }
    const kind = eventKind(event.EventType);
    if (!kind) {
      problems.push(`${label}: unknown EventType ${JSON.stringify(event.EventType)}, ignored`);
      continue;
    }
    if (!event.Id) {
      problems.push(`${label}: ${event.EventType} has no Id, ignored`);
      continue;
    }
    let b = builders.get(event.Id);
    if (!b) {
      b = { view: newView(event, kind.type) };
      builders.set(event.Id, b);
    } else if (b.view.type !== kind.type) {
      problems.push(`${label}: operation ${event.Id} is a ${b.view.type}, but this is a ${event.EventType} event; ignored`);
      continue;
    }
    const v = b.view;
    v.eventIds.push(event.EventId ?? 0);
    v.lastEventId = event.EventId ?? v.lastEventId;
    v.name ??= event.Name;
    v.parentId ??= event.ParentId;
    v.subType ??= event.SubType;
    markTruncated(v, d);
    if (v.type !== "EXECUTION" && !SERVICE_WRITTEN.has(event.EventType ?? "")) {
      ranSinceLastInvocation.add(v.id);
      firstEventSinceLastInvocation ??= event.EventTimestamp;
    }
    if (kind.phase === "started") onStarted(b, event, d);
    else onEnded(b, event, kind.phase, d);
  }

  const operations = [...builders.values()].map((b) => b.view).sort((a, b) => a.firstEventId - b.firstEventId);
  for (const op of operations) {
    if (op.parentId === undefined) continue;
    const parent = builders.get(op.parentId);
    if (parent) parent.view.children.push(op.id);
    else problems.push(`operation ${op.id}: its parent ${op.parentId} is not in the history`);
  }
  markAbandoned(operations);
  assignRoles(operations, new Map([...builders].map(([id, b]) => [id, b.view])));
  const projection: HistoryProjection = { operations, invocations, problems };
  if (ranSinceLastInvocation.size > 0) {
    projection.unfinishedInvocation = { startedAt: firstEventSinceLastInvocation, operationIds: [...ranSinceLastInvocation] };
  }
  return projection;
}

/**
 * One view per operation Id, in program order. See {@link projectHistory} for invocations and problems.
 *
 * @example buildOperations(events).find((op) => op.name === "charge-card")?.attempts.length
 */
export function buildOperations(events: readonly Event[]): OperationView[] {
  return projectHistory(events).operations;
}

/**
 * The function's invocations, from InvocationCompleted events, in history order.
 *
 * @example buildInvocations(events).filter((inv) => inv.error).length
 */
export function buildInvocations(events: readonly Event[]): InvocationView[] {
  return projectHistory(events).invocations;
}

const TYPE_WORDS: Record<OperationType, string> = {
  EXECUTION: "execution",
  CONTEXT: "context",
  STEP: "step",
  WAIT: "wait",
  CALLBACK: "callback",
  CHAINED_INVOKE: "invoke",
};

/**
 * The name to show for an operation: its Name, else its role in the tree (see {@link projectHistory}),
 * else its type.
 *
 * @example operationLabel({ type: "CALLBACK", role: "approval · callback" }) // "approval · callback"
 */
export function operationLabel(op: Pick<OperationView, "type" | "name" | "role">): string {
  if (op.name) return op.name;
  if (op.role) return op.role;
  return op.type === "EXECUTION" ? "Execution" : TYPE_WORDS[op.type];
}

/**
 * Milliseconds from start to end, or to `now` while the operation runs; undefined without a start.
 *
 * @example operationDurationMs(op, Date.now())
 */
export function operationDurationMs(op: Pick<OperationView, "startedAt" | "endedAt">, now?: number): number | undefined {
  if (!op.startedAt) return undefined;
  const end = op.endedAt?.getTime() ?? now;
  return end === undefined ? undefined : Math.max(0, end - op.startedAt.getTime());
}
