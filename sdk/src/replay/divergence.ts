/**
 * Where replayed code and its recorded history part ways. Operation ids are derived from each
 * operation's position in the code (its parent and its counter there), so code that renames,
 * reorders, removes or retypes an operation asks, at some id, for something the history did
 * not record there. Each check compares one checkpoint update of the code with the record.
 */
import type { AttemptView, OperationView } from "../history/index.js";
import type { OperationUpdate, OperationType } from "../protocol/index.js";

/** How code and history differ at one operation. */
export type DivergenceKind =
  /** The same id holds another operation type, sub type, name or parent. */
  | "type"
  | "subType"
  | "name"
  | "parent"
  /** The code asks for an operation the finished history never had. */
  | "unrecorded"
  /** The history has an operation the code no longer asks for. */
  | "removed"
  /** A step's retry strategy decided otherwise than the recorded run (retry vs fail, poll vs stop). */
  | "retry"
  /** A context or the execution produced another result or status than recorded. */
  | "outcome";

/** The identity of an operation as either side sees it. */
export interface OperationShape {
  id: string;
  type: OperationType;
  subType?: string;
  name?: string;
  parentId?: string;
  /** What the kind compares beyond identity (a decision, a result), as text. */
  detail?: string;
}

/** One divergence: what the history recorded against what the code did. */
export interface Divergence {
  kind: DivergenceKind;
  operationId: string;
  message: string;
  expected?: OperationShape;
  actual?: OperationShape;
}

function shapeOfUpdate(u: OperationUpdate, detail?: string): OperationShape {
  return { id: u.Id, type: u.Type, subType: u.SubType, name: u.Name, parentId: u.ParentId, ...(detail !== undefined && { detail }) };
}

/**
 * The identity of a recorded operation.
 *
 * @example shapeOfView(recording.byId.get(id)!).name
 */
export function shapeOfView(v: OperationView, detail?: string): OperationShape {
  return { id: v.id, type: v.type, subType: v.subType, name: v.name, parentId: v.parentId, ...(detail !== undefined && { detail }) };
}

const quote = (v: string | undefined) => (v === undefined ? "no name" : JSON.stringify(v));
const describe = (s: OperationShape) => `${s.subType ?? s.type} ${quote(s.name)}`;

/**
 * Compares the first update of an operation the code creates with what the history holds at
 * that id. A missing record diverges only when the history is complete (`recordingEnded`):
 * otherwise the code has simply gone past the end of a run still in progress.
 *
 * @example checkNewOperation({ Id: "a", Type: "STEP", SubType: "Step", Name: "charge", Action: "START" }, recorded, true)
 */
export function checkNewOperation(u: OperationUpdate, recorded: OperationView | undefined, recordingEnded: boolean): Divergence | undefined {
  const actual = shapeOfUpdate(u);
  if (!recorded) {
    if (!recordingEnded) return undefined;
    return { kind: "unrecorded", operationId: u.Id, actual, message: `The code asks for ${describe(actual)} (id ${u.Id}), which the recorded run never had` };
  }
  const expected = shapeOfView(recorded);
  const differs = (kind: DivergenceKind, what: string, a: string | undefined, b: string | undefined): Divergence | undefined =>
    a === b ? undefined : { kind, operationId: u.Id, expected, actual, message: `At operation ${u.Id} the history recorded ${what} ${a ?? "(none)"}, the code asks for ${b ?? "(none)"}` };
  return (
    differs("type", "type", expected.type, actual.type) ??
    differs("subType", "sub type", expected.subType, actual.subType) ??
    differs("name", "name", quote(expected.name), quote(actual.name)) ??
    differs("parent", "parent", expected.parentId, actual.parentId)
  );
}

/**
 * Checks a step's decision after an attempt whose outcome came from the record: RETRY when
 * the recorded run gave up (or FAIL/SUCCEED when it tried again) means the retry strategy or
 * the wait strategy changed. The delay is not compared: jitter makes it random.
 *
 * @example checkAttemptDecision({ Id: "a", Type: "STEP", Action: "FAIL" }, view, view.attempts[0])
 */
export function checkAttemptDecision(u: OperationUpdate, recorded: OperationView, attempt: AttemptView | undefined): Divergence | undefined {
  if (u.Type !== "STEP" || u.Action === "START" || !attempt || attempt.status === "STARTED") return undefined;
  const recordedRetry = attempt.nextAttemptDelaySeconds !== undefined;
  const codeRetry = u.Action === "RETRY";
  if (recordedRetry === codeRetry) return undefined;
  const said = (retry: boolean) => (retry ? "try again" : "stop trying");
  return {
    kind: "retry",
    operationId: u.Id,
    expected: shapeOfView(recorded, said(recordedRetry)),
    actual: shapeOfUpdate(u, said(codeRetry)),
    message: `After attempt ${attempt.number} of ${describe(shapeOfView(recorded))} the recorded run decided to ${said(recordedRetry)}, the code decides to ${said(codeRetry)}`,
  };
}

/** Equal JSON values, whatever their key order; otherwise equal text. */
function samePayload(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * Checks how a context ended against the record: another status, or another result, means the
 * code computed something else from the same recorded outcomes.
 *
 * @example checkContextOutcome({ Id: "c", Type: "CONTEXT", Action: "SUCCEED", Payload: "2" }, recorded)
 */
export function checkContextOutcome(u: OperationUpdate, recorded: OperationView): Divergence | undefined {
  if (u.Type !== "CONTEXT" || (u.Action !== "SUCCEED" && u.Action !== "FAIL")) return undefined;
  if (recorded.status !== "SUCCEEDED" && recorded.status !== "FAILED") return undefined;
  const codeStatus = u.Action === "SUCCEED" ? "SUCCEEDED" : "FAILED";
  if (codeStatus === recorded.status && (codeStatus === "FAILED" || samePayload(recorded.result, u.Payload))) return undefined;
  const text = (status: string, result: string | undefined, error: string | undefined) => (status === "SUCCEEDED" ? `SUCCEEDED ${result ?? ""}` : `FAILED ${error ?? ""}`);
  return {
    kind: "outcome",
    operationId: u.Id,
    expected: shapeOfView(recorded, text(recorded.status, recorded.result, recorded.error?.ErrorMessage)),
    actual: shapeOfUpdate(u, text(codeStatus, u.Payload, u.Error?.ErrorMessage)),
    message: `${describe(shapeOfView(recorded))} ended differently from the recorded run`,
  };
}

/**
 * Compares the execution's end with the record.
 *
 * @example checkExecutionOutcome({ status: "SUCCEEDED", result: "{}" }, executionView)
 */
export function checkExecutionOutcome(
  simulated: { status: string; result?: string; errorMessage?: string },
  recorded: OperationView,
): Divergence | undefined {
  if (recorded.status === "STARTED") return undefined;
  if (simulated.status === recorded.status && (simulated.status !== "SUCCEEDED" || samePayload(recorded.result, simulated.result))) return undefined;
  const text = (status: string, result: string | undefined, error: string | undefined) => (status === "SUCCEEDED" ? `SUCCEEDED ${result ?? ""}` : `${status} ${error ?? ""}`);
  return {
    kind: "outcome",
    operationId: recorded.id,
    expected: shapeOfView(recorded, text(recorded.status, recorded.result, recorded.error?.ErrorMessage)),
    actual: { ...shapeOfView(recorded), detail: text(simulated.status, simulated.result, simulated.errorMessage) },
    message: `The execution ended ${simulated.status}, the recorded run ended ${recorded.status}`,
  };
}

/**
 * The first operation the history recorded under `parentId` (undefined: the execution's top
 * level) that the code never asked for, once that parent has ended in the simulation.
 *
 * @example checkRemoved(undefined, recorded.operations, visited)
 */
export function checkRemoved(parentId: string | undefined, recorded: readonly OperationView[], visited: ReadonlySet<string>): Divergence | undefined {
  const missing = recorded.find((v) => v.type !== "EXECUTION" && v.parentId === parentId && !visited.has(v.id));
  if (!missing) return undefined;
  const expected = shapeOfView(missing);
  return {
    kind: "removed",
    operationId: missing.id,
    expected,
    message: `The recorded run had ${describe(expected)} (id ${missing.id}), which the code no longer asks for`,
  };
}
