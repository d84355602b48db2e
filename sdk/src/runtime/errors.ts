import type { ErrorObject } from "../protocol/index.js";

/**
 * Base of the errors a durable operation rethrows when its recorded outcome is a failure.
 * Same names and shape as the official SDK's, so user code that catches them keeps working.
 */
export abstract class DurableOperationError extends Error {
  abstract readonly errorType: string;
  errorData?: string;
  stackTrace?: string[];
  override cause?: Error;

  constructor(message: string, cause?: Error, errorData?: string) {
    super(message);
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
    const message = o?.ErrorMessage ?? "Unknown error";
    const cause = new Error(message);
    cause.name = o?.ErrorType ?? "Error";
    if (o?.StackTrace) cause.stack = [`${cause.name}: ${message}`, ...o.StackTrace].join("\n");
    const Cls = ERROR_CLASSES[o?.ErrorType ?? ""] ?? StepError;
    const err = new Cls(message, cause, o?.ErrorData);
    if (o?.StackTrace) err.stackTrace = o.StackTrace;
    return err;
  }

  /** The wire form of this error. */
  toErrorObject(): ErrorObject {
    const o: ErrorObject = { ErrorType: this.errorType, ErrorMessage: this.message };
    if (this.errorData !== undefined) o.ErrorData = this.errorData;
    return o;
  }
}

/** A step whose retries are exhausted (or that is not retried) failed. */
export class StepError extends DurableOperationError {
  readonly errorType = "StepError";
}
/** A child context failed. */
export class ChildContextError extends DurableOperationError {
  readonly errorType = "ChildContextError";
}

/** A waitForCondition check (or its wait strategy) threw. */
export class WaitForConditionError extends DurableOperationError {
  readonly errorType = "WaitForConditionError";
}

/** A chained invoke's target execution failed, timed out or was stopped. */
export class InvokeError extends DurableOperationError {
  readonly errorType = "InvokeError";
}

/** A callback was completed with a failure by the system that held its id. */
export class CallbackError extends DurableOperationError {
  readonly errorType: string = "CallbackError";
}
/** A callback ran out of time, overall or for want of a heartbeat. */
export class CallbackTimeoutError extends CallbackError {
  override readonly errorType = "CallbackTimeoutError";
}

const ERROR_CLASSES: Record<string, new (m: string, c?: Error, d?: string) => DurableOperationError> = {
  StepError,
  ChildContextError,
  CallbackError,
  CallbackTimeoutError,
  InvokeError,
  WaitForConditionError,
};

/** What the retry strategy sees for an at-most-once step whose previous attempt never reported back. */
export class StepInterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepInterruptedError";
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
