/**
 * What each history event means for the operation it belongs to: the operation's type and the
 * lifecycle phase the event marks.
 */
import type { EventType, OperationType } from "../protocol/index.js";

/** The lifecycle moment an event records. */
export type EventPhase = "started" | "succeeded" | "failed" | "cancelled" | "timedOut" | "stopped";

/** Every event type that belongs to an operation (all but InvocationCompleted). */
export type OperationEventType = Exclude<EventType, "InvocationCompleted">;

/** The operation type and phase of every operation event, spelled out so a new EventType fails to compile here. */
export const EVENT_KINDS: Readonly<Record<OperationEventType, { type: OperationType; phase: EventPhase }>> = {
  ExecutionStarted: { type: "EXECUTION", phase: "started" },
  ExecutionSucceeded: { type: "EXECUTION", phase: "succeeded" },
  ExecutionFailed: { type: "EXECUTION", phase: "failed" },
  ExecutionTimedOut: { type: "EXECUTION", phase: "timedOut" },
  ExecutionStopped: { type: "EXECUTION", phase: "stopped" },
  ContextStarted: { type: "CONTEXT", phase: "started" },
  ContextSucceeded: { type: "CONTEXT", phase: "succeeded" },
  ContextFailed: { type: "CONTEXT", phase: "failed" },
  WaitStarted: { type: "WAIT", phase: "started" },
  WaitSucceeded: { type: "WAIT", phase: "succeeded" },
  WaitCancelled: { type: "WAIT", phase: "cancelled" },
  StepStarted: { type: "STEP", phase: "started" },
  StepSucceeded: { type: "STEP", phase: "succeeded" },
  StepFailed: { type: "STEP", phase: "failed" },
  ChainedInvokeStarted: { type: "CHAINED_INVOKE", phase: "started" },
  ChainedInvokeSucceeded: { type: "CHAINED_INVOKE", phase: "succeeded" },
  ChainedInvokeFailed: { type: "CHAINED_INVOKE", phase: "failed" },
  ChainedInvokeTimedOut: { type: "CHAINED_INVOKE", phase: "timedOut" },
  ChainedInvokeStopped: { type: "CHAINED_INVOKE", phase: "stopped" },
  CallbackStarted: { type: "CALLBACK", phase: "started" },
  CallbackSucceeded: { type: "CALLBACK", phase: "succeeded" },
  CallbackFailed: { type: "CALLBACK", phase: "failed" },
  CallbackTimedOut: { type: "CALLBACK", phase: "timedOut" },
};

/**
 * The type and phase of an event, or undefined for InvocationCompleted and unknown types.
 *
 * @example eventKind("StepFailed") // { type: "STEP", phase: "failed" }
 */
export function eventKind(type: EventType | undefined): { type: OperationType; phase: EventPhase } | undefined {
  if (type === undefined || type === "InvocationCompleted") return undefined;
  return EVENT_KINDS[type];
}

/**
 * Outcomes the service writes by itself, between invocations: a wait's timer firing, a callback
 * answered through the API, an invoked execution ending. Every other operation event comes from
 * a checkpoint of the running function.
 *
 * @example SERVICE_WRITTEN.has("WaitSucceeded") // true
 */
export const SERVICE_WRITTEN: ReadonlySet<string> = new Set([
  "WaitSucceeded",
  "CallbackSucceeded",
  "CallbackFailed",
  "CallbackTimedOut",
  "ChainedInvokeSucceeded",
  "ChainedInvokeFailed",
  "ChainedInvokeTimedOut",
  "ChainedInvokeStopped",
]);
