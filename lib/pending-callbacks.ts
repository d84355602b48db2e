/**
 * The callbacks of an execution that still wait for an answer, read straight off its history
 * events: one pass, no projection, so the execution page and the inbox can afford it on every poll.
 */
import type { Event } from "@durable-lens/sdk/protocol";

/** A callback that can still be answered with SendDurableExecutionCallback{Success,Failure,Heartbeat}. */
export interface OpenCallback {
  /** The CALLBACK operation's id. */
  operationId: string;
  callbackId: string;
  /** Its own name, or for waitForCallback the name of the context around it. */
  name?: string;
  startedAt?: Date;
  timeoutSeconds?: number;
  heartbeatTimeoutSeconds?: number;
}

const CLOSING = new Set(["CallbackSucceeded", "CallbackFailed", "CallbackTimedOut"]);
const EXECUTION_END = new Set(["ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionStopped"]);

/**
 * The callbacks started and not yet answered, in the order they started; none once the execution
 * has ended (its callbacks can no longer be answered).
 *
 * @example openCallbacks(parseHistory(json).events).map((c) => c.callbackId)
 */
export function openCallbacks(events: readonly Event[]): OpenCallback[] {
  const contextNames = new Map<string, string>();
  const open = new Map<string, OpenCallback>();
  for (const e of events) {
    const type = e.EventType;
    if (type === undefined) continue;
    if (EXECUTION_END.has(type)) return [];
    if (type === "ContextStarted" && e.Id && e.Name) contextNames.set(e.Id, e.Name);
    else if (type === "CallbackStarted" && e.Id && e.CallbackStartedDetails?.CallbackId) {
      const d = e.CallbackStartedDetails;
      const cb: OpenCallback = { operationId: e.Id, callbackId: d.CallbackId };
      const name = e.Name ?? (e.ParentId !== undefined ? contextNames.get(e.ParentId) : undefined);
      if (name) cb.name = name;
      if (e.EventTimestamp) cb.startedAt = e.EventTimestamp;
      if (d.Timeout) cb.timeoutSeconds = d.Timeout;
      if (d.HeartbeatTimeout) cb.heartbeatTimeoutSeconds = d.HeartbeatTimeout;
      open.set(e.Id, cb);
    } else if (CLOSING.has(type) && e.Id) open.delete(e.Id);
  }
  return [...open.values()];
}

/**
 * When a callback times out, if it has a timeout (epoch ms).
 *
 * @example callbackDeadline(cb) // 1767484800000
 */
export function callbackDeadline(cb: Pick<OpenCallback, "startedAt" | "timeoutSeconds">): number | undefined {
  return cb.startedAt && cb.timeoutSeconds ? cb.startedAt.getTime() + cb.timeoutSeconds * 1000 : undefined;
}

/**
 * When the next heartbeat is due (epoch ms), counted from the later of the callback's start and
 * the last heartbeat we know of; the history does not record heartbeats, so only ones sent from
 * here can move it.
 *
 * @example heartbeatDeadline(cb, lastSentAt) // 1767225900000
 */
export function heartbeatDeadline(cb: Pick<OpenCallback, "startedAt" | "heartbeatTimeoutSeconds">, lastHeartbeatAt?: number): number | undefined {
  if (!cb.startedAt || !cb.heartbeatTimeoutSeconds) return undefined;
  const from = Math.max(cb.startedAt.getTime(), lastHeartbeatAt ?? 0);
  return from + cb.heartbeatTimeoutSeconds * 1000;
}
