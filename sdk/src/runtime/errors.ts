import type { ErrorObject, Operation } from "../protocol/index.js";

/**
 * Base of the errors a durable operation rethrows when its recorded outcome is a failure.
 * Same names and shape as the official SDK's, so user code that catches them keeps working.
 */
export abstract class DurableOperationError extends Error {
  abstract readonly errorType: string;
  /** What `message` becomes when none is given. */
  static defaultMessage = "Operation failed";
  errorData?: string;
  stackTrace?: string[];
  override cause?: Error;

  constructor(message: string, cause?: Error, errorData?: string) {
    super(message || new.target.defaultMessage);
    this.name = new.target.name;
    if (cause) this.cause = cause;
    if (errorData !== undefined) this.errorData = errorData;
  }

  /**
   * Rebuilds the error a recorded `ErrorObject` stands for. The recorded type survives as the
   * `name` of `cause`; unknown types become a `StepError`, as in the official SDK.
   *
   * @example DurableOperationError.fromErrorObject({ ErrorType: "TypeError", ErrorMessage: "x" }).cause?.name // "TypeError"
   */
  static fromErrorObject(o: ErrorObject | undefined): DurableOperationError {
    const cause = new Error(o?.ErrorMessage ?? "");
    cause.name = o?.ErrorType || "Error";
    if (o?.StackTrace) cause.stack = [`${cause.name}: ${cause.message}`, ...o.StackTrace].join("\n");
    const known = ERROR_CLASSES[o?.ErrorType ?? ""];
    // A known type falls back to its own default message, an unknown one to "Unknown error".
    const Cls = known ?? StepError;
    const err = new Cls(o?.ErrorMessage || (known ? "" : "Unknown error"), cause, o?.ErrorData);
    if (o?.StackTrace) err.stackTrace = o.StackTrace;
    return err;
  }

  /**
   * The wire form of this error. Without its own `errorData` it carries the first one found
   * along its causes, so data survives being wrapped by enclosing child contexts.
   */
  toErrorObject(): ErrorObject {
    const o: ErrorObject = { ErrorType: this.errorType, ErrorMessage: this.message };
    let errorData = this.errorData;
    let node: unknown = this.cause;
    for (let depth = 0; errorData === undefined && node instanceof Error && depth < 10; depth++) {
      if (node instanceof DurableOperationError && typeof node.errorData === "string") errorData = node.errorData;
      node = node.cause;
    }
    if (errorData !== undefined) o.ErrorData = errorData;
    return o;
  }
}

/** A step whose retries are exhausted (or that is not retried) failed. */
export class StepError extends DurableOperationError {
  static override defaultMessage = "Step failed";
  readonly errorType = "StepError";
}
/** A child context failed. */
export class ChildContextError extends DurableOperationError {
  static override defaultMessage = "Child context failed";
  readonly errorType = "ChildContextError";
}

/** A waitForCondition check (or its wait strategy) threw. */
export class WaitForConditionError extends DurableOperationError {
  static override defaultMessage = "Wait for condition failed";
  readonly errorType = "WaitForConditionError";
}

/** A chained invoke's target execution failed, timed out or was stopped. */
export class InvokeError extends DurableOperationError {
  static override defaultMessage = "Invoke failed";
  readonly errorType = "InvokeError";
}

/** A promise combinator (`context.promise.all` …) rejected. */
export class PromiseCombinatorError extends DurableOperationError {
  static override defaultMessage = "Promise combinator failed";
  readonly errorType = "PromiseCombinatorError";
}

/** Any callback failure; the subclasses say which kind. */
export class CallbackError extends DurableOperationError {
  static override defaultMessage = "Callback failed";
  readonly errorType: string = "CallbackError";
}
/** The system holding the callback id completed it with a failure. */
export class CallbackExternalError extends CallbackError {
  override readonly errorType = "CallbackExternalError";
}
/** A callback ran out of time, overall or for want of a heartbeat. */
export class CallbackTimeoutError extends CallbackError {
  static override defaultMessage = "Callback timed out";
  override readonly errorType = "CallbackTimeoutError";
}
/** The submitter of a waitForCallback failed (after its retries). */
export class CallbackSubmitterError extends CallbackError {
  static override defaultMessage = "Callback submitter failed";
  override readonly errorType = "CallbackSubmitterError";
}

/**
 * Thrown by `BatchResult.throwIfError()` when a custom `shouldComplete` ended the batch as
 * failed, even if no item failed.
 */
export class BatchCompletionError extends DurableOperationError {
  readonly errorType = "BatchCompletionError";
  constructor(
    readonly completionReason: string,
    message?: string,
    cause?: Error,
    errorData?: string,
  ) {
    super(message || `Batch completed as failed by shouldComplete (${completionReason})`, cause, errorData);
  }
}

const ERROR_CLASSES: Record<string, new (m: string, c?: Error, d?: string) => DurableOperationError> = {
  StepError,
  ChildContextError,
  CallbackError,
  CallbackExternalError,
  CallbackTimeoutError,
  CallbackSubmitterError,
  InvokeError,
  WaitForConditionError,
  PromiseCombinatorError,
};

/** What the retry strategy sees for an at-most-once step whose previous attempt never reported back. */
export class StepInterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepInterruptedError";
  }
}

/** A serdes threw: the invocation ends and Lambda retries it (internal, as in the official SDK). */
export class SerdesFailedError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message || "Serdes operation failed", cause === undefined ? undefined : { cause });
    this.name = "SerdesFailedError";
  }
}

/** A recorded operation does not match the code now asking for it (type, sub type or name). */
export class NonDeterministicExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NonDeterministicExecutionError";
  }
}

/**
 * The wire form of any thrown value. Stack traces are not sent, as in the official SDK.
 *
 * @example toErrorObject(new TypeError("bad")) // { ErrorType: "TypeError", ErrorMessage: "bad" }
 */
export function toErrorObject(error: unknown): ErrorObject {
  if (error instanceof DurableOperationError) return error.toErrorObject();
  if (error instanceof Error) return { ErrorType: error.name, ErrorMessage: error.message };
  return { ErrorType: "Error", ErrorMessage: "Unknown error" };
}

/** Whether a failed call to the durable API is the invocation's problem or the execution's. */
export enum DurableExecutionClientErrorScope {
  /** Lambda retries the invocation. */
  INVOCATION = "INVOCATION",
  /** The execution ends FAILED. */
  EXECUTION = "EXECUTION",
}

/**
 * A custom `DurableExecutionClient` throws this to say how its failure should be treated.
 *
 * @example throw new DurableExecutionClientError("quota", { scope: DurableExecutionClientErrorScope.EXECUTION })
 */
export class DurableExecutionClientError extends Error {
  readonly scope: DurableExecutionClientErrorScope;
  constructor(message: string, options: { scope?: DurableExecutionClientErrorScope; cause?: unknown } = {}) {
    super(message, options);
    this.name = "DurableExecutionClientError";
    this.scope = options.scope ?? DurableExecutionClientErrorScope.INVOCATION;
  }
}

/** @example isDurableExecutionClientError(e) && e.scope === "EXECUTION" */
export function isDurableExecutionClientError(error: unknown): error is DurableExecutionClientError {
  return error instanceof DurableExecutionClientError;
}

/** A plugin named in `DURABLE_EXECUTION_PLUGINS` could not be loaded. */
export class PluginLoadError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = "PluginLoadError";
  }
}

/** The error a closed callback rethrows, or undefined when it succeeded. */
export function callbackFailure(op: Operation): CallbackError | undefined {
  if (op.Status === "SUCCEEDED") return undefined;
  const error = op.CallbackDetails?.Error;
  const Failure = op.Status === "TIMED_OUT" ? CallbackTimeoutError : CallbackExternalError;
  if (!error) return new Failure("");
  const cause = new Error(error.ErrorMessage ?? "");
  cause.name = error.ErrorType || "Error";
  if (error.StackTrace) cause.stack = error.StackTrace.join("\n");
  return new Failure(error.ErrorMessage ?? "", cause, error.ErrorData);
}
