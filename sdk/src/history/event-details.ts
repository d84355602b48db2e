/**
 * The `<EventType>Details` object of an event, read as the union of the members any details type
 * has: the projections, the event rows and the health figures each read a few of them.
 */
import type { Event, EventError, EventInput, EventResult, RetryDetails } from "../protocol/index.js";

/** The members the history module reads from any `<EventType>Details`. */
export interface EventDetails {
  Input?: EventInput;
  Result?: EventResult;
  Error?: EventError;
  RetryDetails?: RetryDetails;
  Duration?: number;
  ScheduledEndTimestamp?: Date;
  ExecutionTimeout?: number;
  CallbackId?: string;
  Timeout?: number;
  HeartbeatTimeout?: number;
  FunctionName?: string;
  TenantId?: string;
  DurableExecutionArn?: string;
  ExecutedVersion?: string;
  StartTimestamp?: Date;
  EndTimestamp?: Date;
  RequestId?: string;
}

/**
 * The event's details, or undefined when it has none (or no EventType).
 *
 * @example detailsOf(stepFailed)?.RetryDetails?.NextAttemptDelaySeconds // 2
 */
export function detailsOf(event: Event): EventDetails | undefined {
  if (event.EventType === undefined) return undefined;
  return (event[`${event.EventType}Details`] ?? undefined) as EventDetails | undefined;
}
