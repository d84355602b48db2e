import type { ErrorObject } from "../protocol/index.js";
import { DurableOperationError } from "./errors.js";
import type { Serdes } from "./serdes.js";

export enum BatchItemStatus {
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
  STARTED = "STARTED",
}

export type CompletionReason = "ALL_COMPLETED" | "MIN_SUCCESSFUL_REACHED" | "FAILURE_TOLERANCE_EXCEEDED";

/** When a map or parallel may stop: by default at the first failure. */
export interface CompletionConfig {
  minSuccessful?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

/** One item of a map or branch of a parallel; items never started are absent. */
export interface BatchItem<T> {
  result?: T;
  error?: Error;
  index: number;
  status: BatchItemStatus;
}

/** The outcome of a map or parallel, with the official SDK's API. */
export interface BatchResult<T> {
  all: BatchItem<T>[];
  completionReason: CompletionReason;
  readonly status: BatchItemStatus.SUCCEEDED | BatchItemStatus.FAILED;
  readonly hasFailure: boolean;
  readonly successCount: number;
  readonly failureCount: number;
  readonly startedCount: number;
  readonly totalCount: number;
  succeeded(): BatchItem<T>[];
  failed(): BatchItem<T>[];
  started(): BatchItem<T>[];
  throwIfError(): void;
  getResults(): T[];
  getErrors(): Error[];
}

export class BatchResultImpl<T> implements BatchResult<T> {
  constructor(
    readonly all: BatchItem<T>[],
    readonly completionReason: CompletionReason,
  ) {}

  private count(status: BatchItemStatus): number {
    return this.all.filter((i) => i.status === status).length;
  }

  get successCount(): number {
    return this.count(BatchItemStatus.SUCCEEDED);
  }
  get failureCount(): number {
    return this.count(BatchItemStatus.FAILED);
  }
  get startedCount(): number {
    return this.count(BatchItemStatus.STARTED);
  }
  get totalCount(): number {
    return this.all.length;
  }
  get hasFailure(): boolean {
    return this.failureCount > 0;
  }
  get status(): BatchItemStatus.SUCCEEDED | BatchItemStatus.FAILED {
    return this.hasFailure ? BatchItemStatus.FAILED : BatchItemStatus.SUCCEEDED;
  }
  /** Succeeded items with a result (an `undefined` result is not listed, as in the official SDK). */
  succeeded(): BatchItem<T>[] {
    return this.all.filter((i) => i.status === BatchItemStatus.SUCCEEDED && i.result !== undefined);
  }
  failed(): BatchItem<T>[] {
    return this.all.filter((i) => i.status === BatchItemStatus.FAILED && i.error !== undefined);
  }
  started(): BatchItem<T>[] {
    return this.all.filter((i) => i.status === BatchItemStatus.STARTED);
  }
  throwIfError(): void {
    const first = this.all.find((i) => i.status === BatchItemStatus.FAILED)?.error;
    if (first) throw first;
  }
  getResults(): T[] {
    return this.succeeded().map((i) => i.result as T);
  }
  getErrors(): Error[] {
    return this.failed().map((i) => i.error as Error);
  }
}

type BatchErrorObject = ErrorObject & { Cause?: BatchErrorObject };

const DURABLE_ERROR_TYPES = new Set([
  "StepError",
  "CallbackError",
  "CallbackTimeoutError",
  "InvokeError",
  "ChildContextError",
  "WaitForConditionError",
]);

function serializeError(error: Error): BatchErrorObject {
  const o: BatchErrorObject =
    error instanceof DurableOperationError ? error.toErrorObject() : { ErrorType: error.name, ErrorMessage: error.message };
  if (error.cause instanceof Error) o.Cause = serializeError(error.cause);
  return o;
}

function restoreError(o: BatchErrorObject): Error {
  let error: Error;
  if (o.ErrorType && DURABLE_ERROR_TYPES.has(o.ErrorType)) error = DurableOperationError.fromErrorObject(o);
  else {
    error = new Error(o.ErrorMessage);
    error.name = o.ErrorType ?? "Error";
  }
  if (o.Cause) error.cause = restoreError(o.Cause);
  return error;
}

/**
 * The checkpoint form of a BatchResult, the official SDK's: items with their errors as
 * ErrorObjects (causes nested under `Cause`) and the completion reason.
 */
export const batchResultSerdes: Serdes<BatchResult<unknown>> = {
  serialize: async (value) =>
    value
      ? JSON.stringify({
          all: value.all.map((item) => ({ ...item, error: item.error instanceof Error ? serializeError(item.error) : undefined })),
          completionReason: value.completionReason,
        })
      : undefined,
  deserialize: async (data) => {
    if (!data) return undefined;
    const parsed = JSON.parse(data) as { all?: (BatchItem<unknown> & { error?: BatchErrorObject })[]; completionReason?: CompletionReason };
    const items = (parsed.all ?? []).map((item) => ({ ...item, error: item.error ? restoreError(item.error) : undefined }));
    return new BatchResultImpl(items, parsed.completionReason ?? "ALL_COMPLETED");
  },
};

/** Whether more items may start, given the failures so far (official SDK semantics). */
export function toleratesFailures(config: CompletionConfig | undefined, failures: number, total: number): boolean {
  const hasCriteria = config && Object.values(config).some((v) => v !== undefined);
  if (!hasCriteria) return failures === 0;
  if (config.toleratedFailureCount !== undefined && failures > config.toleratedFailureCount) return false;
  if (config.toleratedFailurePercentage !== undefined && (failures / total) * 100 > config.toleratedFailurePercentage) return false;
  return true;
}

/** Why a batch ended; tolerance is checked before "all completed", as in the official SDK. */
export function completionReason(
  config: CompletionConfig | undefined,
  counts: { successes: number; failures: number; completed: number; total: number },
): CompletionReason {
  if (!toleratesFailures(config, counts.failures, counts.total)) return "FAILURE_TOLERANCE_EXCEEDED";
  if (counts.completed === counts.total) return "ALL_COMPLETED";
  if (config?.minSuccessful !== undefined && counts.successes >= config.minSuccessful) return "MIN_SUCCESSFUL_REACHED";
  return "ALL_COMPLETED";
}
