/**
 * Says what went wrong with an action in its own terms: "this callback was already answered"
 * rather than Lambda's bare exception name. Errors that mean the same for every call (throttling,
 * unreachable service, credentials) are left to `toApiError`.
 */
import { HttpError } from "./errors";

/** The action that failed, with what it was about. */
export type FailedAction =
  | { kind: "callback"; callbackId: string }
  | { kind: "stop"; arn: string }
  | { kind: "start"; functionName: string; executionName?: string; mode: "async" | "sync" };

const PERMISSION: Record<FailedAction["kind"], string> = {
  callback: "lambda:SendDurableExecutionCallbackSuccess, lambda:SendDurableExecutionCallbackFailure and lambda:SendDurableExecutionCallbackHeartbeat",
  stop: "lambda:StopDurableExecution",
  start: "lambda:InvokeFunction",
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function facts(error: unknown): { name: string; message: string; status?: number } {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const message = typeof e.message === "string" ? e.message : "";
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  return status === undefined ? { name, message } : { name, message, status };
}

/** Lambda's own words, after ours, for the cases where they add something. */
function said(message: string): string {
  return message ? ` (Lambda: ${message.length > 300 ? `${message.slice(0, 300)}…` : message})` : "";
}

function callbackError(name: string, message: string, status: number | undefined): HttpError | undefined {
  if (name === "ResourceNotFoundException" || status === 404) {
    return new HttpError(404, "CallbackNotFound", `No callback with this id is waiting: the id is unknown, or its execution no longer exists.${said(message)}`);
  }
  if (name === "CallbackTimeoutException" || (name === "InvalidParameterValueException" && /closed|already|timed out/i.test(message))) {
    return new HttpError(409, "CallbackClosed", `This callback can no longer be answered: it was already completed, failed or timed out.${said(message)}`);
  }
  return undefined;
}

function stopError(name: string, message: string, status: number | undefined): HttpError | undefined {
  if (name === "ResourceNotFoundException" || status === 404) {
    return new HttpError(404, "ExecutionNotFound", `There is no such execution to stop.${said(message)}`);
  }
  if (name === "InvalidParameterValueException" && /ended|not running|already|RUNNING/i.test(message)) {
    return new HttpError(409, "ExecutionNotRunning", `Only a running execution can be stopped, and this one has already ended.${said(message)}`);
  }
  return undefined;
}

function startError(action: Extract<FailedAction, { kind: "start" }>, name: string, message: string, status: number | undefined): HttpError | undefined {
  if (name === "DurableExecutionAlreadyStartedException") {
    return new HttpError(
      409,
      "ExecutionNameTaken",
      `An execution named "${action.executionName ?? ""}" already exists with a different input. Pick another name, or leave the name empty.${said(message)}`,
    );
  }
  if (name === "ResourceNotFoundException" || status === 404) {
    return new HttpError(404, "FunctionNotFound", `The function ${action.functionName} (or that version or alias) does not exist.${said(message)}`);
  }
  if (name === "InvalidRequestContentException") {
    return new HttpError(400, "InvalidParameter", `Lambda did not accept the payload as JSON.${said(message)}`);
  }
  if (name === "TimeoutError" && action.mode === "sync") {
    return new HttpError(
      504,
      "SyncStartTimedOut",
      "The execution did not finish while the synchronous start waited. It may still be running: look for it in the list, or start asynchronously.",
    );
  }
  return undefined;
}

/**
 * The HttpError to answer with for a failed action, or the original error when the general
 * mapping says it as well.
 *
 * @example throw describeActionError(e, { kind: "stop", arn });
 */
export function describeActionError(error: unknown, action: FailedAction): unknown {
  if (error instanceof HttpError) return error;
  const { name, message, status } = facts(error);
  if (name === "RequestTooLargeException" || name === "SerializedRequestEntityTooLargeException" || status === 413) {
    return new HttpError(413, "PayloadTooLarge", `Lambda refused the request as too large.${said(message)}`);
  }
  if (name === "AccessDeniedException" || name === "AccessDenied") {
    return new HttpError(403, "AccessDenied", `Access denied${said(message)}. This action needs ${PERMISSION[action.kind]}.`);
  }
  const specific =
    action.kind === "callback"
      ? callbackError(name, message, status)
      : action.kind === "stop"
        ? stopError(name, message, status)
        : startError(action, name, message, status);
  return specific ?? error;
}
