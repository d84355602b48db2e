/**
 * The official runner's loop for `AsyncInvoke` requirements (js-sdk-api.md §5.2), on
 * virtual time: sleep the poll interval, read the first history page, stop at a terminal
 * status (or, with no ExpectedResult, as soon as the expected events match), give up after
 * the no-progress timeout, and answer each new CallbackStarted with the first unused
 * CallbackActions entry whose CallbackName fits.
 */
import type { Engine } from "@durable-lens/sdk/engine";
import type { Difference } from "./matcher.js";
import { isPlainObject, pyJsonDumps, pySearch } from "./python.js";
import type { CallbackAction } from "./requirement.js";
import type { VirtualTime } from "@durable-lens/sdk/engine";
import { firstHistoryPage, type HistoryEvent } from "./history.js";

/** Statuses that end the loop; STOPPED is not one of them in the official runner either. */
const TERMINAL = new Set(["SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED"]);
const STATUS_OF: Record<string, string> = {
  ExecutionSucceeded: "SUCCEEDED",
  ExecutionFailed: "FAILED",
  ExecutionTimedOut: "TIMED_OUT",
  ExecutionStopped: "STOPPED",
};

export function statusFromEvents(events: HistoryEvent[]): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const s = STATUS_OF[String(events[i]!.EventType)];
    if (s) return s;
  }
  return undefined;
}

/**
 * The runner's compatibility shim: unnamed CallbackStarted/StepStarted/StepSucceeded events
 * inside a WaitForCallback context take that context's Name.
 */
export function nameWaitForCallbackChildren(events: HistoryEvent[]): HistoryEvent[] {
  const names = new Map<unknown, unknown>();
  for (const e of events) if (e.EventType === "ContextStarted" && e.SubType === "WaitForCallback" && e.Name !== undefined) names.set(e.Id, e.Name);
  return events.map((e) =>
    ["CallbackStarted", "StepStarted", "StepSucceeded"].includes(String(e.EventType)) && e.Name === undefined && names.has(e.ParentId)
      ? { ...e, Name: names.get(e.ParentId) }
      : e,
  );
}

function callbackNameFits(pattern: string, name: unknown): boolean {
  if (pattern === "*") return true;
  if (typeof name !== "string") return false;
  if (pattern === name) return true;
  try {
    return pySearch(pattern, name);
  } catch {
    return false;
  }
}

export interface PollOptions {
  engine: Engine;
  time: VirtualTime;
  arn: string;
  actions: CallbackAction[];
  pollIntervalSeconds: number;
  noProgressTimeoutSeconds: number;
  /** History-only mode: true once the expected events are there. */
  expectedEventsMatch?: (events: HistoryEvent[]) => boolean;
}

export interface PollOutcome {
  events: HistoryEvent[];
  problems: Difference[];
}

export async function pollExecution(o: PollOptions): Promise<PollOutcome> {
  const problems: Difference[] = [];
  const answered = new Set<unknown>();
  const used = new Set<number>();
  let events: HistoryEvent[] = [];
  let progressAt = o.time.now();

  const send = (action: CallbackAction, callbackId: string) => {
    if (action.Operation === "success") o.engine.sendCallbackSuccess(callbackId, pyJsonDumps(action.Payload ?? null));
    else if (action.Operation === "heartbeat") o.engine.sendCallbackHeartbeat(callbackId);
    else {
      const p = isPlainObject(action.Payload) ? action.Payload : {};
      const error = Object.fromEntries(["ErrorType", "ErrorMessage", "ErrorData", "StackTrace"].filter((k) => k in p).map((k) => [k, p[k]]));
      o.engine.sendCallbackFailure(callbackId, error);
    }
  };

  const answer = async (event: HistoryEvent) => {
    const callbackId = (event.CallbackStartedDetails as { CallbackId?: string } | undefined)?.CallbackId;
    if (!callbackId || o.actions.length === 0) return;
    let matched = false;
    for (;;) {
      const index = o.actions.findIndex((a, i) => !used.has(i) && callbackNameFits(a.CallbackName, event.Name));
      if (index < 0) break;
      const action = o.actions[index]!;
      used.add(index);
      matched = true;
      await o.time.sleep(action.Delay);
      try {
        send(action, callbackId);
      } catch (e) {
        problems.push({ path: `CallbackActions[${index}]`, message: `${action.Operation} for callback ${String(event.Name)} failed: ${(e as Error).message}` });
      }
      // A heartbeat leaves the callback open for a later action to complete.
      if (action.Operation !== "heartbeat") break;
    }
    if (!matched) problems.push({ path: "CallbackActions", message: `no unused action matches callback ${JSON.stringify(event.Name)}` });
  };

  for (;;) {
    await o.time.sleep(o.pollIntervalSeconds);
    const page = nameWaitForCallbackChildren(firstHistoryPage(o.engine, o.arn));
    if (page.length !== events.length) progressAt = o.time.now();
    events = page;
    if (o.expectedEventsMatch?.(events)) break;
    const status = statusFromEvents(events);
    if (status !== undefined && TERMINAL.has(status)) break;
    if (o.time.now() - progressAt >= o.noProgressTimeoutSeconds * 1000) {
      problems.push({ path: "AsyncInvoke", message: `no new history events for ${o.noProgressTimeoutSeconds} s (status ${status ?? "RUNNING"})` });
      break;
    }
    for (const e of events) {
      if (e.EventType !== "CallbackStarted") continue;
      const id = (e.CallbackStartedDetails as { CallbackId?: string } | undefined)?.CallbackId;
      if (answered.has(id)) continue;
      answered.add(id);
      await answer(e);
    }
  }
  return { events, problems };
}
