import {
  Limits,
  ServiceError,
  type ChainedInvokeOptions,
  type ErrorObject,
  type Event,
  type Operation,
  type OperationUpdate,
} from "../protocol/index.js";

/** What applying one update did: the operation as it now stands, events to write, timers to arm. */
export interface UpdateEffect {
  op?: Operation;
  events: Omit<Event, "EventId" | "EventTimestamp">[];
  /** Service-side follow-up at a time: a wait ending, a retry becoming READY. */
  timer?: { atMs: number; kind: "wait-end" | "retry-ready"; opId: string };
  /** A callback opened with timeouts to enforce. */
  callbackTimers?: { opId: string; timeoutSeconds?: number; heartbeatTimeoutSeconds?: number };
  /** An EXECUTION update: the SDK checkpointed the final result itself. */
  executionResult?: { payload?: string; error?: ErrorObject };
}

const ALLOWED_ACTIONS: Record<OperationUpdate["Type"], OperationUpdate["Action"][]> = {
  STEP: ["START", "SUCCEED", "FAIL", "RETRY"],
  CONTEXT: ["START", "SUCCEED", "FAIL"],
  WAIT: ["START", "CANCEL"],
  CALLBACK: ["START", "CANCEL"],
  CHAINED_INVOKE: ["START", "CANCEL"],
  EXECUTION: ["SUCCEED", "FAIL"],
};

const OPERATION_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const SUB_TYPE = /^[a-zA-Z0-9_-]{1,32}$/;
const NAME = /^[\x20-\x7E]{1,256}$/;

function invalid(message: string): never {
  throw new ServiceError("InvalidParameterValueException", message);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The JSON type of every member of the option objects. Checked on every update, whether or not
 * its Type reads them, so a mistyped member is refused rather than silently stored or ignored.
 */
const OPTION_MEMBERS: Record<string, Record<string, "integer" | "string" | "boolean">> = {
  ContextOptions: { ReplayChildren: "boolean" },
  StepOptions: { NextAttemptDelaySeconds: "integer" },
  WaitOptions: { WaitSeconds: "integer" },
  CallbackOptions: { TimeoutSeconds: "integer", HeartbeatTimeoutSeconds: "integer" },
  ChainedInvokeOptions: { FunctionName: "string", TenantId: "string", XAmznTraceId: "string" },
};

const hasType = { integer: Number.isSafeInteger, string: (v: unknown) => typeof v === "string", boolean: (v: unknown) => typeof v === "boolean" };

function validateOptions(u: OperationUpdate, at: string): void {
  for (const [key, members] of Object.entries(OPTION_MEMBERS)) {
    const options: unknown = (u as unknown as Record<string, unknown>)[key];
    if (options === undefined) continue;
    if (!isRecord(options)) invalid(`${at}.${key} must be an object`);
    for (const [member, type] of Object.entries(members)) {
      const v = options[member];
      if (v !== undefined && !hasType[type](v)) invalid(`${at}.${key}.${member} must be ${type === "integer" ? "an integer" : `a ${type}`}`);
    }
  }
}

function validateErrorObject(error: unknown, at: string): void {
  if (!isRecord(error)) invalid(`${at}.Error must be an ErrorObject`);
  for (const key of ["ErrorMessage", "ErrorType", "ErrorData"]) {
    if (error[key] !== undefined && typeof error[key] !== "string") invalid(`${at}.Error.${key} must be a string`);
  }
  const trace = error.StackTrace;
  if (trace !== undefined && (!Array.isArray(trace) || !trace.every((l) => typeof l === "string"))) invalid(`${at}.Error.StackTrace must be a list of strings`);
}

/** Rejects a malformed update with a message naming the field. Type-specific rules are applied later. */
export function validateUpdateShape(u: OperationUpdate, index: number): void {
  const at = `Updates[${index}]`;
  if (!u || typeof u !== "object") invalid(`${at} must be an object`);
  // Own keys only: "toString" or "constructor" is no operation type.
  if (typeof u.Type !== "string" || !Object.hasOwn(ALLOWED_ACTIONS, u.Type)) invalid(`${at}.Type must be one of ${Object.keys(ALLOWED_ACTIONS).join(", ")}`);
  if (typeof u.Id !== "string" || (u.Type !== "EXECUTION" && !OPERATION_ID.test(u.Id))) invalid(`${at}.Id must be 1-64 characters of [a-zA-Z0-9-_]`);
  if (!ALLOWED_ACTIONS[u.Type].includes(u.Action)) invalid(`${at}.Action ${String(u.Action)} is not allowed for ${u.Type}`);
  if (u.ParentId !== undefined && (typeof u.ParentId !== "string" || !OPERATION_ID.test(u.ParentId))) invalid(`${at}.ParentId must be 1-64 characters of [a-zA-Z0-9-_]`);
  if (u.SubType !== undefined && (typeof u.SubType !== "string" || !SUB_TYPE.test(u.SubType))) invalid(`${at}.SubType must be 1-32 characters of [a-zA-Z0-9-_]`);
  if (u.Name !== undefined && (typeof u.Name !== "string" || !NAME.test(u.Name))) invalid(`${at}.Name must be 1-256 printable ASCII characters`);
  if (u.Payload !== undefined && typeof u.Payload !== "string") invalid(`${at}.Payload must be a string`);
  if (u.Payload !== undefined && u.Payload.length > Limits.OPERATION_PAYLOAD_BYTES) invalid(`${at}.Payload exceeds ${Limits.OPERATION_PAYLOAD_BYTES} bytes`);
  if (u.Error !== undefined) validateErrorObject(u.Error, at);
  validateOptions(u, at);
  if (u.Action === "SUCCEED" && u.Error !== undefined) invalid(`${at}: SUCCEED cannot carry an Error`);
  if (u.Action === "FAIL" && u.Payload !== undefined) invalid(`${at}: FAIL cannot carry a Payload`);
}

function delaySeconds(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > Limits.MAX_DELAY_SECONDS) {
    invalid(`${field} must be an integer from 1 to ${Limits.MAX_DELAY_SECONDS}`);
  }
  return value;
}

const result = (payload: string | undefined) => ({ Payload: payload, Truncated: false });
const failure = (error: ErrorObject | undefined) => ({ Payload: error, Truncated: false });

/** The envelope fields every event of this operation carries. */
function envelope(op: Pick<Operation, "Id" | "Name" | "ParentId" | "SubType">) {
  const e: Omit<Event, "EventId" | "EventTimestamp"> = { Id: op.Id };
  if (op.SubType !== undefined) e.SubType = op.SubType;
  if (op.Name !== undefined) e.Name = op.Name;
  if (op.ParentId !== undefined) e.ParentId = op.ParentId;
  return e;
}

/**
 * Applies one checkpoint update to the operation it names, as Lambda does: the new state of
 * the operation, the history events it writes, and the timer it arms.
 */
/** What applying an update may ask of the rest of the service. */
export interface UpdateServices {
  newCallbackId(): string;
  /** Starts the target of a chained invoke; an error when it cannot be started. */
  startChainedInvoke(options: ChainedInvokeOptions, payload: string | undefined): { arn: string; version: string } | { error: ErrorObject };
}

export function applyUpdate(
  u: OperationUpdate,
  existing: Operation | undefined,
  now: number,
  at: string,
  services: UpdateServices,
): UpdateEffect {
  const nowDate = new Date(now);
  const fresh = (): Operation => {
    const op: Operation = { Id: u.Id, Type: u.Type, Status: "STARTED", StartTimestamp: nowDate };
    if (u.ParentId !== undefined) op.ParentId = u.ParentId;
    if (u.Name !== undefined) op.Name = u.Name;
    if (u.SubType !== undefined) op.SubType = u.SubType;
    return op;
  };
  const requireStatus = (allowed: (Operation["Status"] | undefined)[]) => {
    if (!allowed.includes(existing?.Status)) {
      invalid(`${at}: cannot ${u.Action} ${u.Type} operation ${u.Id} in status ${existing?.Status ?? "(none)"}`);
    }
  };

  // An id names one operation for its whole life: a WAIT CANCEL must not end a STEP of the same id.
  // EXECUTION updates are exempt: they never touch the operation their (arbitrary) Id names.
  if (u.Type !== "EXECUTION" && existing && existing.Type !== u.Type) {
    invalid(`${at}.Type ${u.Type} does not match operation ${u.Id}, which is a ${existing.Type}`);
  }

  switch (u.Type) {
    case "EXECUTION":
      return { events: [], executionResult: u.Action === "SUCCEED" ? { payload: u.Payload } : { error: u.Error } };

    case "STEP": {
      if (u.Action === "START") {
        requireStatus([undefined, "READY"]);
        const op: Operation = existing ? { ...existing, Status: "STARTED" } : { ...fresh(), StepDetails: {} };
        return { op, events: [{ ...envelope(op), EventType: "StepStarted", StepStartedDetails: {} }] };
      }
      requireStatus(["STARTED", "READY"]);
      const prev = existing!;
      const attempt = (prev.StepDetails?.Attempt ?? 0) + 1;
      if (u.Action === "SUCCEED") {
        const op: Operation = { ...prev, Status: "SUCCEEDED", EndTimestamp: nowDate, StepDetails: { Attempt: attempt, Result: u.Payload } };
        const details = { Result: result(u.Payload), RetryDetails: { CurrentAttempt: attempt } };
        return { op, events: [{ ...envelope(op), EventType: "StepSucceeded", StepSucceededDetails: details }] };
      }
      if (u.Action === "FAIL") {
        const op: Operation = { ...prev, Status: "FAILED", EndTimestamp: nowDate, StepDetails: { Attempt: attempt, Error: u.Error } };
        const details = { Error: failure(u.Error), RetryDetails: { CurrentAttempt: attempt } };
        return { op, events: [{ ...envelope(op), EventType: "StepFailed", StepFailedDetails: details }] };
      }
      // RETRY: the attempt failed (or, without an Error, a waitForCondition check asked to poll again).
      if (u.Error !== undefined && u.Payload !== undefined) invalid(`${at}: RETRY carries either an Error or a Payload, not both`);
      const delay = delaySeconds(u.StepOptions?.NextAttemptDelaySeconds, `${at}.StepOptions.NextAttemptDelaySeconds`);
      const next = new Date(now + delay * 1000);
      const op: Operation = {
        ...prev,
        Status: "PENDING",
        StepDetails: { Attempt: attempt, NextAttemptTimestamp: next, ...(u.Error ? { Error: u.Error } : { Result: u.Payload }) },
      };
      const retry = { CurrentAttempt: attempt, NextAttemptDelaySeconds: delay };
      const event: Omit<Event, "EventId" | "EventTimestamp"> = u.Error
        ? { ...envelope(op), EventType: "StepFailed", StepFailedDetails: { Error: failure(u.Error), RetryDetails: retry } }
        : { ...envelope(op), EventType: "StepSucceeded", StepSucceededDetails: { Result: result(u.Payload), RetryDetails: retry } };
      return { op, events: [event], timer: { atMs: next.getTime(), kind: "retry-ready", opId: op.Id } };
    }

    case "WAIT": {
      if (u.Action === "START") {
        requireStatus([undefined]);
        const seconds = delaySeconds(u.WaitOptions?.WaitSeconds, `${at}.WaitOptions.WaitSeconds`);
        const end = new Date(now + seconds * 1000);
        const op: Operation = { ...fresh(), WaitDetails: { ScheduledEndTimestamp: end } };
        const details = { Duration: seconds, ScheduledEndTimestamp: end };
        return {
          op,
          events: [{ ...envelope(op), EventType: "WaitStarted", WaitStartedDetails: details }],
          timer: { atMs: end.getTime(), kind: "wait-end", opId: op.Id },
        };
      }
      requireStatus(["STARTED"]);
      const op: Operation = { ...existing!, Status: "CANCELLED", EndTimestamp: nowDate };
      return { op, events: [{ ...envelope(op), EventType: "WaitCancelled", WaitCancelledDetails: {} }] };
    }

    case "CONTEXT": {
      if (u.Action === "START") {
        requireStatus([undefined]);
        const op: Operation = { ...fresh(), ContextDetails: {} };
        return { op, events: [{ ...envelope(op), EventType: "ContextStarted", ContextStartedDetails: {} }] };
      }
      requireStatus(["STARTED"]);
      const replayChildren = u.ContextOptions?.ReplayChildren;
      if (u.Action === "SUCCEED") {
        const op: Operation = {
          ...existing!,
          Status: "SUCCEEDED",
          EndTimestamp: nowDate,
          ContextDetails: { Result: u.Payload, ...(replayChildren !== undefined && { ReplayChildren: replayChildren }) },
        };
        return { op, events: [{ ...envelope(op), EventType: "ContextSucceeded", ContextSucceededDetails: { Result: result(u.Payload) } }] };
      }
      const op: Operation = { ...existing!, Status: "FAILED", EndTimestamp: nowDate, ContextDetails: { Error: u.Error } };
      return { op, events: [{ ...envelope(op), EventType: "ContextFailed", ContextFailedDetails: { Error: failure(u.Error) } }] };
    }

    case "CALLBACK": {
      if (u.Action === "START") {
        requireStatus([undefined]);
        const timeout = optionalSeconds(u.CallbackOptions?.TimeoutSeconds, `${at}.CallbackOptions.TimeoutSeconds`);
        const heartbeat = optionalSeconds(u.CallbackOptions?.HeartbeatTimeoutSeconds, `${at}.CallbackOptions.HeartbeatTimeoutSeconds`);
        const callbackId = services.newCallbackId();
        const op: Operation = { ...fresh(), CallbackDetails: { CallbackId: callbackId } };
        const details: NonNullable<Event["CallbackStartedDetails"]> = { CallbackId: callbackId };
        // Zero or absent means no timeout, and Lambda then writes no member for it.
        if (timeout) details.Timeout = timeout;
        if (heartbeat) details.HeartbeatTimeout = heartbeat;
        return {
          op,
          events: [{ ...envelope(op), EventType: "CallbackStarted", CallbackStartedDetails: details }],
          callbackTimers: { opId: op.Id, timeoutSeconds: timeout || undefined, heartbeatTimeoutSeconds: heartbeat || undefined },
        };
      }
      requireStatus(["STARTED"]);
      return { op: { ...existing!, Status: "CANCELLED", EndTimestamp: nowDate }, events: [] };
    }

    case "CHAINED_INVOKE": {
      if (u.Action === "CANCEL") {
        requireStatus(["STARTED"]);
        return { op: { ...existing!, Status: "CANCELLED", EndTimestamp: nowDate }, events: [] };
      }
      requireStatus([undefined]);
      const options = u.ChainedInvokeOptions;
      if (!options || typeof options.FunctionName !== "string" || options.FunctionName === "") {
        invalid(`${at}.ChainedInvokeOptions.FunctionName is required`);
      }
      if (options.TenantId !== undefined && (typeof options.TenantId !== "string" || !/^[a-zA-Z0-9._:/=+\-@ ]{1,256}$/.test(options.TenantId))) {
        invalid(`${at}.ChainedInvokeOptions.TenantId must be 1-256 characters of [a-zA-Z0-9._:/=+-@ ]`);
      }
      const started = services.startChainedInvoke(options, u.Payload);
      const op: Operation = { ...fresh(), ChainedInvokeDetails: {} };
      const details: NonNullable<Event["ChainedInvokeStartedDetails"]> = { FunctionName: options.FunctionName, Input: { Payload: u.Payload, Truncated: false } };
      if (options.TenantId !== undefined) details.TenantId = options.TenantId;
      const events: Omit<Event, "EventId" | "EventTimestamp">[] = [{ ...envelope(op), EventType: "ChainedInvokeStarted", ChainedInvokeStartedDetails: details }];
      if ("error" in started) {
        // The target could not be started: the operation fails at once, as its own history says.
        const failed = completeChainedInvoke(op, now, "FAILED", { error: started.error });
        return { op: failed.op, events: [...events, failed.event] };
      }
      details.ExecutedVersion = started.version;
      details.DurableExecutionArn = started.arn;
      return { op, events };
    }
  }
}

function optionalSeconds(value: unknown, field: string): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > Limits.MAX_DELAY_SECONDS) {
    invalid(`${field} must be an integer from 0 to ${Limits.MAX_DELAY_SECONDS}`);
  }
  return value;
}

/** How an open callback ended from outside: the new operation and the event Lambda writes. */
export function completeCallback(
  op: Operation,
  now: number,
  outcome: { kind: "succeed"; result: string | undefined } | { kind: "fail" | "timeout"; error: ErrorObject },
): { op: Operation; event: Omit<Event, "EventId" | "EventTimestamp"> } {
  const end = new Date(now);
  const callbackId = op.CallbackDetails?.CallbackId;
  if (outcome.kind === "succeed") {
    const details = outcome.result === undefined ? { CallbackId: callbackId } : { CallbackId: callbackId, Result: outcome.result };
    const done: Operation = { ...op, Status: "SUCCEEDED", EndTimestamp: end, CallbackDetails: details };
    return { op: done, event: { ...envelope(done), EventType: "CallbackSucceeded", CallbackSucceededDetails: { Result: result(outcome.result) } } };
  }
  const status = outcome.kind === "fail" ? "FAILED" : "TIMED_OUT";
  const done: Operation = { ...op, Status: status, EndTimestamp: end, CallbackDetails: { CallbackId: callbackId, Error: outcome.error } };
  const event: Omit<Event, "EventId" | "EventTimestamp"> =
    outcome.kind === "fail"
      ? { ...envelope(done), EventType: "CallbackFailed", CallbackFailedDetails: { Error: failure(outcome.error) } }
      : { ...envelope(done), EventType: "CallbackTimedOut", CallbackTimedOutDetails: { Error: failure(outcome.error) } };
  return { op: done, event };
}

const CHAINED_INVOKE_EVENT = {
  SUCCEEDED: "ChainedInvokeSucceeded",
  FAILED: "ChainedInvokeFailed",
  TIMED_OUT: "ChainedInvokeTimedOut",
  STOPPED: "ChainedInvokeStopped",
} as const;

/** A chained invoke ends with the end of the execution it started. */
export function completeChainedInvoke(
  op: Operation,
  now: number,
  status: keyof typeof CHAINED_INVOKE_EVENT,
  outcome: { result?: string; error?: ErrorObject },
): { op: Operation; event: Omit<Event, "EventId" | "EventTimestamp"> } {
  const done: Operation = {
    ...op,
    Status: status,
    EndTimestamp: new Date(now),
    ChainedInvokeDetails: status === "SUCCEEDED" ? { Result: outcome.result } : { Error: outcome.error },
  };
  const type = CHAINED_INVOKE_EVENT[status];
  const details = status === "SUCCEEDED" ? { Result: result(outcome.result) } : { Error: failure(outcome.error) };
  return { op: done, event: { ...envelope(done), EventType: type, [`${type}Details`]: details } };
}

/** The event a wait's timer writes when it fires. */
export function waitSucceeded(op: Operation, durationSeconds: number): Omit<Event, "EventId" | "EventTimestamp"> {
  return { ...envelope(op), EventType: "WaitSucceeded", WaitSucceededDetails: { Duration: durationSeconds } };
}
