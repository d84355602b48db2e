/**
 * What the simulator's forms turn into: outcomes typed by the user, and the states a
 * simulation can start from (an invocation of the record, a checkpoint of a simulation).
 */
import type { Event } from "@durable-lens/sdk/protocol";
import type { Outcome } from "@durable-lens/sdk/replay";

/** The outcome form's fields. */
export interface OutcomeFields {
  kind: "succeed" | "fail";
  /** JSON for a success; empty means no value. */
  json: string;
  errorType: string;
  errorMessage: string;
}

/**
 * The outcome the fields describe, or the problem that keeps them from describing one.
 *
 * @example outcomeFromFields({ kind: "succeed", json: '{"ok":true}', errorType: "", errorMessage: "" })
 */
export function outcomeFromFields(f: OutcomeFields): { outcome: Outcome } | { problem: string } {
  if (f.kind === "fail") {
    if (!f.errorType.trim() && !f.errorMessage.trim()) return { problem: "Give the error a type or a message" };
    return { outcome: { kind: "fail", error: { ...(f.errorType.trim() && { ErrorType: f.errorType.trim() }), ...(f.errorMessage.trim() && { ErrorMessage: f.errorMessage.trim() }) } } };
  }
  if (!f.json.trim()) return { outcome: { kind: "succeed" } };
  try {
    return { outcome: { kind: "succeed", payload: JSON.stringify(JSON.parse(f.json)) } };
  } catch (error) {
    return { problem: `The value is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The recorded events before invocation `n` (1-based) began: everything up to the end of the
 * invocation before it. Invocation 1 starts from the ExecutionStarted event alone.
 *
 * @example seedBeforeInvocation(events, 2).at(-1)?.EventType // "InvocationCompleted"
 */
export function seedBeforeInvocation(events: readonly Event[], n: number): Event[] {
  const ends = events.filter((e) => e.EventType === "InvocationCompleted");
  if (n <= 1 || ends.length === 0) return events.filter((e) => e.EventType === "ExecutionStarted");
  const last = ends[Math.min(n, ends.length + 1) - 2]!.EventId ?? 0;
  return events.filter((e) => (e.EventId ?? 0) <= last);
}

/**
 * The events up to and with `eventId`: a fork's starting state.
 *
 * @example eventsThrough(snapshot.events, historyCheckpoints(snapshot.events)[2]!.eventIds.at(-1)!)
 */
export function eventsThrough(events: readonly Event[], eventId: number): Event[] {
  return events.filter((e) => (e.EventId ?? 0) <= eventId);
}
