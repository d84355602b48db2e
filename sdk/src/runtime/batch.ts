import type { ErrorObject } from "../protocol/index.js";
import { BatchCompletionError, ChildContextError, DurableOperationError } from "./errors.js";
import type { Serdes } from "./serdes.js";

export enum BatchItemStatus {
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
  STARTED = "STARTED",
}

export type CompletionReason =
  | "ALL_COMPLETED"
  | "MIN_SUCCESSFUL_REACHED"
  | "FAILURE_TOLERANCE_EXCEEDED"
  | "CUSTOM_COMPLETION_SUCCEEDED"
  | "CUSTOM_COMPLETION_FAILED";

/** When a map or parallel may stop, by thresholds: by default at the first failure. */
export interface ThresholdCompletionConfig {
  minSuccessful?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  shouldComplete?: never;
}

export enum CompletionOutcome {
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}

export interface CompletionItemStatus {
  index: number;
  name?: string;
  /** Absent for items not started yet. */
  status?: BatchItemStatus;
}

/** What a custom `shouldComplete` sees after each item completes. */
export interface CompletionStatus {
  successCount: number;
  failureCount: number;
  completedCount: number;
  totalCount: number;
  items: readonly CompletionItemStatus[];
}

export type CompletionDecision = { complete: false } | { complete: true; outcome?: CompletionOutcome };

/** When a map or parallel may stop, decided by user code; excludes the thresholds. */
export interface CustomCompletionConfig {
  shouldComplete: (status: CompletionStatus) => CompletionDecision;
  minSuccessful?: never;
  toleratedFailureCount?: never;
  toleratedFailurePercentage?: never;
}

export type CompletionConfig = ThresholdCompletionConfig | CustomCompletionConfig;

/** @example shouldComplete: (s) => (s.successCount >= 2 ? completeBatch() : continueBatch()) */
export const continueBatch = (): CompletionDecision => ({ complete: false });
/** @example shouldComplete: (s) => (s.failureCount > 0 ? completeBatch(CompletionOutcome.FAILED) : continueBatch()) */
export const completeBatch = (outcome: CompletionOutcome = CompletionOutcome.SUCCEEDED): CompletionDecision => ({ complete: true, outcome });

/** A custom predicate mixed with thresholds: a configuration error, not a retryable failure. */
export function completionConfigProblem(config: CompletionConfig | undefined): string | undefined {
  const c = config as ThresholdCompletionConfig & { shouldComplete?: unknown };
  if (c?.shouldComplete !== undefined && (c.minSuccessful !== undefined || c.toleratedFailureCount !== undefined || c.toleratedFailurePercentage !== undefined)) {
    return "completionConfig.shouldComplete is mutually exclusive with minSuccessful, toleratedFailureCount, and toleratedFailurePercentage";
  }
  return undefined;
}

/** One item of a map or branch of a parallel; items never started are absent. */
export interface BatchItem<T> {
  result?: T;
  /** Always a ChildContextError: every item runs in a child context. */
  error?: ChildContextError;
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
  succeeded(): (BatchItem<T> & { result: T })[];
  failed(): (BatchItem<T> & { error: ChildContextError })[];
  started(): (BatchItem<T> & { status: BatchItemStatus.STARTED })[];
  throwIfError(): void;
  getResults(): T[];
  getErrors(): ChildContextError[];
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
  /** A custom completion outcome overrides what the items say. */
  get status(): BatchItemStatus.SUCCEEDED | BatchItemStatus.FAILED {
    if (this.completionReason === "CUSTOM_COMPLETION_FAILED") return BatchItemStatus.FAILED;
    if (this.completionReason === "CUSTOM_COMPLETION_SUCCEEDED") return BatchItemStatus.SUCCEEDED;
    return this.hasFailure ? BatchItemStatus.FAILED : BatchItemStatus.SUCCEEDED;
  }
  /** Succeeded items with a result (an `undefined` result is not listed, as in the official SDK). */
  succeeded(): (BatchItem<T> & { result: T })[] {
    return this.all.filter((i): i is BatchItem<T> & { result: T } => i.status === BatchItemStatus.SUCCEEDED && i.result !== undefined);
  }
  failed(): (BatchItem<T> & { error: ChildContextError })[] {
    return this.all.filter((i): i is BatchItem<T> & { error: ChildContextError } => i.status === BatchItemStatus.FAILED && i.error !== undefined);
  }
  started(): (BatchItem<T> & { status: BatchItemStatus.STARTED })[] {
    return this.all.filter((i): i is BatchItem<T> & { status: BatchItemStatus.STARTED } => i.status === BatchItemStatus.STARTED);
  }
  throwIfError(): void {
    const first = this.all.find((i) => i.status === BatchItemStatus.FAILED)?.error;
    if (first) throw first;
    if (this.completionReason === "CUSTOM_COMPLETION_FAILED") throw new BatchCompletionError(this.completionReason);
  }
  getResults(): T[] {
    return this.succeeded().map((i) => i.result);
  }
  getErrors(): ChildContextError[] {
    return this.failed().map((i) => i.error);
  }
}

type BatchErrorObject = ErrorObject & { Cause?: BatchErrorObject };

const DURABLE_ERROR_TYPES = new Set([
  "StepError",
  "CallbackError",
  "CallbackExternalError",
  "CallbackTimeoutError",
  "CallbackSubmitterError",
  "InvokeError",
  "ChildContextError",
  "PromiseCombinatorError",
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
    const items = (parsed.all ?? []).map((item) => ({ ...item, error: item.error ? itemError(restoreError(item.error)) : undefined }));
    return new BatchResultImpl(items, parsed.completionReason ?? "ALL_COMPLETED");
  },
};

/** Whether more items may start, given progress so far (official SDK semantics). */
export function shouldContinue(config: CompletionConfig | undefined, status: CompletionStatus): boolean {
  if (config?.shouldComplete) return !config.shouldComplete(status).complete;
  const hasCriteria = config && Object.values(config).some((v) => v !== undefined);
  if (!hasCriteria) return status.failureCount === 0;
  const { toleratedFailureCount, toleratedFailurePercentage } = config as ThresholdCompletionConfig;
  if (toleratedFailureCount !== undefined && status.failureCount > toleratedFailureCount) return false;
  if (toleratedFailurePercentage !== undefined && (status.failureCount / status.totalCount) * 100 > toleratedFailurePercentage) return false;
  return true;
}

/** Whether the batch is decided: everything completed, or the config says enough. */
export function isComplete(config: CompletionConfig | undefined, status: CompletionStatus): boolean {
  if (status.completedCount === status.totalCount) return true;
  if (config?.shouldComplete) return config.shouldComplete(status).complete;
  const min = (config as ThresholdCompletionConfig | undefined)?.minSuccessful;
  return min !== undefined && status.successCount >= min;
}

/** Why a batch ended; tolerance is checked before "all completed", as in the official SDK. */
export function completionReason(config: CompletionConfig | undefined, status: CompletionStatus): CompletionReason {
  if (config?.shouldComplete) {
    const decision = config.shouldComplete(status);
    if (!decision.complete) return "ALL_COMPLETED";
    return decision.outcome === CompletionOutcome.FAILED ? "CUSTOM_COMPLETION_FAILED" : "CUSTOM_COMPLETION_SUCCEEDED";
  }
  if (!shouldContinue(config, status)) return "FAILURE_TOLERANCE_EXCEEDED";
  if (status.completedCount === status.totalCount) return "ALL_COMPLETED";
  const min = (config as ThresholdCompletionConfig | undefined)?.minSuccessful;
  if (min !== undefined && status.successCount >= min) return "MIN_SUCCESSFUL_REACHED";
  return "ALL_COMPLETED";
}

/** A failed batch item's error, always a ChildContextError as the official BatchResult has it. */
export function itemError(error: unknown): ChildContextError {
  return error instanceof ChildContextError ? error : new ChildContextError(String((error as Error)?.message ?? error), error as Error);
}

/** What a map or parallel stores when its BatchResult is too large: counts and one S/F/- per item. */
export function batchSummary<O>(type: "MapResult" | "ParallelResult", result: BatchResult<O>, custom?: (r: BatchResult<O>) => string): string {
  const statuses: string[] = [];
  for (const item of result.all) statuses[item.index] = item.status === BatchItemStatus.SUCCEEDED ? "S" : item.status === BatchItemStatus.FAILED ? "F" : "-";
  const record: Record<string, unknown> = {
    type,
    totalCount: result.totalCount,
    successCount: result.successCount,
    failureCount: result.failureCount,
    ...(type === "ParallelResult" && { startedCount: result.startedCount }),
    completionReason: result.completionReason,
    status: result.status,
    itemStatuses: Array.from(statuses, (s) => s ?? "-").join(""),
  };
  // The user's summary is kept verbatim beside ours, never mixed into its keys.
  if (custom) record.summary = custom(result);
  return JSON.stringify(record);
}

const COMPLETION_REASONS = new Set(["ALL_COMPLETED", "MIN_SUCCESSFUL_REACHED", "FAILURE_TOLERANCE_EXCEEDED", "CUSTOM_COMPLETION_SUCCEEDED", "CUSTOM_COMPLETION_FAILED"]);

/** Reads a stored batch summary; anything malformed counts as absent. */
export function parseSummary(payload: string | undefined): { completionReason?: CompletionReason; itemStatuses?: string } {
  try {
    const parsed = JSON.parse(payload ?? "") as { completionReason?: unknown; itemStatuses?: unknown };
    return {
      ...(typeof parsed?.completionReason === "string" && COMPLETION_REASONS.has(parsed.completionReason) && { completionReason: parsed.completionReason as CompletionReason }),
      ...(typeof parsed?.itemStatuses === "string" && /^[SF-]+$/.test(parsed.itemStatuses) && { itemStatuses: parsed.itemStatuses }),
    };
  } catch {
    return {};
  }
}
