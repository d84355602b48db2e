// What the chaos test holds the local service to, as plain functions over a history, so each
// rule is tested on its own (chaos-checks.test.ts) and reads the same at every kill.
import type { Event, OperationUpdate } from "../protocol/index.js";

/** One CheckpointDurableExecution the service answered with 200: a line of the ack log. */
export interface AcknowledgedCheckpoint {
  arn: string;
  updates: Pick<OperationUpdate, "Id" | "Type" | "Action" | "Payload">[];
}

/** The ack log's lines; a line cut short (a write the kill interrupted) is an error, not skipped. */
export function readAckLog(text: string): AcknowledgedCheckpoint[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as AcknowledgedCheckpoint);
}

/** What a history event records of the update that wrote it: `Type Action` and the payload it kept. */
interface Trace {
  key: string;
  payload?: string | undefined;
}

/** The update each event comes from; undefined for events the service writes on its own. */
function traceOf(e: Event): Trace | undefined {
  switch (e.EventType) {
    case "StepStarted":
      return { key: "STEP START" };
    case "StepSucceeded":
      return {
        key: e.StepSucceededDetails?.RetryDetails?.NextAttemptDelaySeconds !== undefined ? "STEP RETRY" : "STEP SUCCEED",
        payload: e.StepSucceededDetails?.Result?.Payload,
      };
    case "StepFailed":
      return { key: e.StepFailedDetails?.RetryDetails?.NextAttemptDelaySeconds !== undefined ? "STEP RETRY" : "STEP FAIL" };
    case "WaitStarted":
      return { key: "WAIT START" };
    case "WaitCancelled":
      return { key: "WAIT CANCEL" };
    case "ContextStarted":
      return { key: "CONTEXT START" };
    case "ContextSucceeded":
      return { key: "CONTEXT SUCCEED", payload: e.ContextSucceededDetails?.Result?.Payload };
    case "ContextFailed":
      return { key: "CONTEXT FAIL" };
    case "CallbackStarted":
      return { key: "CALLBACK START" };
    case "ChainedInvokeStarted":
      return { key: "CHAINED_INVOKE START", payload: e.ChainedInvokeStartedDetails?.Input?.Payload };
    default:
      return undefined;
  }
}

/**
 * The acknowledged updates that `historyOf` lacks, described; empty when every one is there.
 * Each update must be matched by an event of its own (two acknowledged retries need two retry
 * events) carrying the same payload when the update had one. EXECUTION updates and the CANCEL
 * of a callback or chained invoke write no event and are not checked here.
 *
 * @example missingAcknowledged(readAckLog(log), (arn) => histories.get(arn)) // []
 */
export function missingAcknowledged(acks: AcknowledgedCheckpoint[], historyOf: (arn: string) => Event[] | undefined): string[] {
  const available = new Map<string, Trace[]>();
  const tracesOf = (arn: string, id: string): Trace[] | undefined => {
    const key = `${arn} ${id}`;
    if (!available.has(key)) {
      const events = historyOf(arn);
      if (!events) return undefined;
      for (const e of events) {
        const t = e.Id !== undefined ? traceOf(e) : undefined;
        if (!t) continue;
        const k = `${arn} ${e.Id}`;
        available.set(k, [...(available.get(k) ?? []), t]);
      }
      if (!available.has(key)) available.set(key, []);
    }
    return available.get(key);
  };
  const missing: string[] = [];
  for (const ack of acks) {
    for (const u of ack.updates) {
      if (u.Type === "EXECUTION" || (u.Action === "CANCEL" && u.Type !== "WAIT")) continue;
      const key = `${u.Type} ${u.Action}`;
      const traces = tracesOf(ack.arn, u.Id);
      if (!traces) {
        missing.push(`${ack.arn}: the execution is gone, with its acknowledged ${key} of ${u.Id}`);
        continue;
      }
      const at = traces.findIndex((t) => t.key === key && (u.Payload === undefined || t.payload === u.Payload));
      if (at < 0) missing.push(`${ack.arn}: no event of the acknowledged ${key} of ${u.Id}${u.Payload !== undefined ? ` with payload ${u.Payload}` : ""}`);
      else traces.splice(at, 1);
    }
  }
  return missing;
}

const TERMINAL = /(Succeeded|Failed|TimedOut|Stopped|Cancelled)$/;

/**
 * Events a history holds twice, described; empty when there are none. A step's events must
 * alternate started/finished with attempts counting 1, 2, 3... and nothing after its final
 * one; any other operation has each event type at most once and nothing after it ended; each
 * invocation ends once.
 *
 * @example duplicatedEvents(events) // []
 */
export function duplicatedEvents(events: Event[]): string[] {
  const problems: string[] = [];
  const byOperation = new Map<string, Event[]>();
  const requestIds = new Set<string>();
  for (const e of events) {
    if (e.EventType === "InvocationCompleted") {
      const id = e.InvocationCompletedDetails?.RequestId ?? "";
      if (requestIds.has(id)) problems.push(`EventId ${e.EventId}: invocation ${id} completed twice`);
      requestIds.add(id);
    } else if (e.Id !== undefined) {
      byOperation.set(e.Id, [...(byOperation.get(e.Id) ?? []), e]);
    }
  }
  for (const [id, list] of byOperation) {
    if (list[0]!.EventType?.startsWith("Step")) {
      let open = false;
      let attempts = 0;
      let ended = false;
      for (const e of list) {
        if (ended) problems.push(`EventId ${e.EventId}: ${e.EventType} of step ${id} after it ended`);
        if (e.EventType === "StepStarted") {
          if (open) problems.push(`EventId ${e.EventId}: step ${id} started twice in one attempt`);
          open = true;
          continue;
        }
        const details = e.StepSucceededDetails ?? e.StepFailedDetails;
        const attempt = details?.RetryDetails?.CurrentAttempt;
        if (attempt !== attempts + 1) problems.push(`EventId ${e.EventId}: step ${id} finished attempt ${attempt} after attempt ${attempts}`);
        attempts = attempt ?? attempts + 1;
        open = false;
        ended = details?.RetryDetails?.NextAttemptDelaySeconds === undefined;
      }
      continue;
    }
    const seen = new Set<string>();
    let ended = false;
    for (const e of list) {
      const type = e.EventType ?? "(no type)";
      if (seen.has(type)) problems.push(`EventId ${e.EventId}: ${type} of ${id} twice`);
      else if (ended) problems.push(`EventId ${e.EventId}: ${type} of ${id} after it ended`);
      seen.add(type);
      if (TERMINAL.test(type)) ended = true;
    }
  }
  return problems;
}
