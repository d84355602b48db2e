import { Limits, utf8Length, type ErrorObject, type Operation, type OperationUpdate } from "../protocol/index.js";
import { DurablePromise } from "./durable-promise.js";
import { durationToSeconds, type Duration } from "./duration.js";
import {
  CallbackError,
  CallbackExternalError,
  CallbackSubmitterError,
  CallbackTimeoutError,
  ChildContextError,
  DurableOperationError,
  InvokeError,
  PromiseCombinatorError,
  SerdesFailedError,
  StepError,
  WaitForConditionError,
  StepInterruptedError,
  toErrorObject,
} from "./errors.js";
import { contextMisuse, runInScope } from "./active-scope.js";
import { isTerminal, type ExecutionRuntime } from "./execution-runtime.js";
import { scopedLogger, type DurableContextLogger, type DurableLogData, type DurableLogger, type LoggerConfig } from "./logger.js";
import { hashOperationId } from "./operation-id.js";
import { retryPresets, type RetryDecision, type WaitForConditionDecision } from "./retry.js";
import {
  AttemptEndInfoOutcome,
  PluginOperationStatus,
  toOperationInfo,
  type AttemptEndInfo,
  type AttemptInfo,
  type DurableInstrumentationPlugin,
  type HookName,
  type OperationInfo,
} from "./plugins.js";
import { defaultSerdes, passThroughSerdes, type Serdes, type SerdesConfig } from "./serdes.js";
import {
  BatchItemStatus,
  BatchResultImpl,
  batchResultSerdes,
  completionConfigProblem,
  completionReason,
  isComplete,
  shouldContinue,
  type CompletionReason,
  type CompletionStatus,
  type BatchItem,
  type BatchResult,
  type CompletionConfig,
} from "./batch.js";

export enum StepSemantics {
  AtMostOncePerRetry = "AT_MOST_ONCE_PER_RETRY",
  AtLeastOncePerRetry = "AT_LEAST_ONCE_PER_RETRY",
}

/** What a step body receives. `attempt` is 1-based. */
export interface StepContext {
  logger: DurableContextLogger;
  attempt: number;
}

export type StepFunc<T> = (context: StepContext) => Promise<T> | T;
export type ChildFunc<T> = (context: DurableContext) => Promise<T>;

export interface StepConfig<T> {
  retryStrategy?: (error: Error, attemptCount: number) => RetryDecision;
  semantics?: StepSemantics;
  serdes?: Serdes<T>;
}

export interface ChildConfig<T> {
  serdes?: Serdes<T>;
  subType?: string;
  /** Stored instead of a result too large to checkpoint; the children then rebuild it on replay. */
  summaryGenerator?: (result: T) => string;
  /** Turns the recorded failure into the error the caller sees (default: a ChildContextError). */
  errorMapper?: (originalError: DurableOperationError) => DurableOperationError;
  /** Not checkpointed itself: its operations are parented to the nearest real context. */
  virtualContext?: boolean;
}

/** How map items and parallel branches appear in the history. */
export enum NestingType {
  /** Each item is its own child context. */
  NESTED = "NESTED",
  /** Items are virtual contexts: fewer operations, their children hang off the batch context. */
  FLAT = "FLAT",
}

export interface CreateCallbackConfig<T = string> {
  timeout?: Duration;
  heartbeatTimeout?: Duration;
  /** Reads the external system's result; by default it is passed through as the raw string. */
  serdes?: Omit<Serdes<T>, "serialize">;
}

export interface WaitForCallbackConfig<T = string> extends CreateCallbackConfig<T> {
  /** Retries of the submitter step. */
  retryStrategy?: (error: Error, attemptCount: number) => RetryDecision;
}

/** The promise of a callback's result, and the id to hand to the system that will complete it. */
export type CreateCallbackResult<T = string> = [DurablePromise<T>, string];

export type WaitForCallbackSubmitterFunc = (callbackId: string, context: { logger: DurableContextLogger }) => Promise<void>;

export interface InvokeConfig<I = unknown, O = unknown> {
  payloadSerdes?: Serdes<I>;
  resultSerdes?: Serdes<O>;
  /** Tenant of the invoked function, for tenant-isolated functions. */
  tenantId?: string;
}

export interface WaitForConditionConfig<T> {
  waitStrategy: (state: T, attempt: number) => WaitForConditionDecision;
  initialState: T;
  serdes?: Serdes<T>;
}

export type WaitForConditionCheckFunc<T> = (state: T, context: StepContext) => Promise<T>;

export interface ConcurrencyConfig<T> {
  maxConcurrency?: number;
  completionConfig?: CompletionConfig;
  /** How the whole BatchResult is checkpointed. */
  serdes?: Serdes<BatchResult<T>>;
  /** How each item's result is checkpointed. */
  itemSerdes?: Serdes<T>;
  /** Stored instead of a BatchResult too large to checkpoint. */
  summaryGenerator?: (result: BatchResult<T>) => string;
  nesting?: NestingType;
}

export interface MapConfig<I, O> extends ConcurrencyConfig<O> {
  itemNamer?: (item: I, index: number) => string;
}
export type ParallelConfig<O> = ConcurrencyConfig<O>;

export type MapFunc<I, O> = (context: DurableContext, item: I, index: number, array: I[]) => Promise<O>;
export type ParallelFunc<O> = (context: DurableContext) => Promise<O>;
export interface NamedParallelBranch<O> {
  name?: string;
  func: ParallelFunc<O>;
}

/** The minimal Lambda context the runtime reads. */
export interface LambdaContext {
  awsRequestId: string;
  functionName?: string;
  getRemainingTimeInMillis?: () => number;
  [key: string]: unknown;
}

/** The durable operations user code calls; API-compatible with the official SDK's. */
export interface DurableContext {
  readonly lambdaContext: LambdaContext;
  readonly logger: DurableContextLogger;
  readonly executionContext: { readonly durableExecutionArn: string };
  step<T>(name: string | undefined, fn: StepFunc<T>, config?: StepConfig<T>): DurablePromise<T>;
  step<T>(fn: StepFunc<T>, config?: StepConfig<T>): DurablePromise<T>;
  wait(name: string, duration: Duration): DurablePromise<void>;
  wait(duration: Duration): DurablePromise<void>;
  runInChildContext<T>(name: string | undefined, fn: ChildFunc<T>, config?: ChildConfig<T>): DurablePromise<T>;
  runInChildContext<T>(fn: ChildFunc<T>, config?: ChildConfig<T>): DurablePromise<T>;
  waitForCondition<T>(name: string | undefined, check: WaitForConditionCheckFunc<T>, config: WaitForConditionConfig<T>): DurablePromise<T>;
  waitForCondition<T>(check: WaitForConditionCheckFunc<T>, config: WaitForConditionConfig<T>): DurablePromise<T>;
  map<I, O>(name: string | undefined, items: I[], mapFunc: MapFunc<I, O>, config?: MapConfig<I, O>): DurablePromise<BatchResult<O>>;
  map<I, O>(items: I[], mapFunc: MapFunc<I, O>, config?: MapConfig<I, O>): DurablePromise<BatchResult<O>>;
  parallel<O>(name: string | undefined, branches: (ParallelFunc<O> | NamedParallelBranch<O>)[], config?: ParallelConfig<O>): DurablePromise<BatchResult<O>>;
  parallel<O>(branches: (ParallelFunc<O> | NamedParallelBranch<O>)[], config?: ParallelConfig<O>): DurablePromise<BatchResult<O>>;
  invoke<I, O>(name: string, funcId: string, input?: I, config?: InvokeConfig<I, O>): DurablePromise<O>;
  invoke<I, O>(funcId: string, input?: I, config?: InvokeConfig<I, O>): DurablePromise<O>;
  createCallback<T = string>(name: string | undefined, config?: CreateCallbackConfig<T>): DurablePromise<CreateCallbackResult<T>>;
  createCallback<T = string>(config?: CreateCallbackConfig<T>): DurablePromise<CreateCallbackResult<T>>;
  waitForCallback<T = string>(name: string | undefined, submitter: WaitForCallbackSubmitterFunc, config?: WaitForCallbackConfig<T>): DurablePromise<T>;
  waitForCallback<T = string>(submitter: WaitForCallbackSubmitterFunc, config?: WaitForCallbackConfig<T>): DurablePromise<T>;
  /** Durable `Promise.all/allSettled/any/race`: the outcome is recorded once and replayed. */
  readonly promise: DurablePromiseCombinators;
  /** Replaces the logger and/or turns replay silencing off; fields left out are kept. */
  configureLogger(config: LoggerConfig): void;
  /** Default serdes of this context and the child contexts it creates from now on. */
  configureSerdes(config: SerdesConfig): void;
}

export interface DurablePromiseCombinators {
  all<T>(name: string | undefined, promises: DurablePromise<T>[]): DurablePromise<T[]>;
  all<T>(promises: DurablePromise<T>[]): DurablePromise<T[]>;
  allSettled<T>(name: string | undefined, promises: DurablePromise<T>[]): DurablePromise<PromiseSettledResult<T>[]>;
  allSettled<T>(promises: DurablePromise<T>[]): DurablePromise<PromiseSettledResult<T>[]>;
  any<T>(name: string | undefined, promises: DurablePromise<T>[]): DurablePromise<T>;
  any<T>(promises: DurablePromise<T>[]): DurablePromise<T>;
  race<T>(name: string | undefined, promises: DurablePromise<T>[]): DurablePromise<T>;
  race<T>(promises: DurablePromise<T>[]): DurablePromise<T>;
}

/**
 * allSettled results are stored with rejection reasons flattened to plain objects, and
 * revived as Errors, as the official SDK does.
 */
const settledSerdes: Serdes<PromiseSettledResult<unknown>[]> = {
  serialize: async (value) =>
    value === undefined
      ? undefined
      : JSON.stringify(
          value.map((r) =>
            r.status === "rejected" && r.reason instanceof Error
              ? { ...r, reason: { message: r.reason.message, name: r.reason.name, stack: r.reason.stack } }
              : r,
          ),
        ),
  deserialize: async (data) => {
    if (data === undefined) return undefined;
    return (JSON.parse(data) as PromiseSettledResult<unknown>[]).map((r) => {
      const reason = r.status === "rejected" ? (r.reason as { message?: string; name?: string; stack?: string } | undefined) : undefined;
      if (!reason || typeof reason !== "object" || !reason.message) return r;
      const error = new Error(reason.message);
      error.name = reason.name || "Error";
      if (reason.stack) error.stack = reason.stack;
      return { ...r, reason: error };
    });
  },
};


/** Splits the official SDK's overloads: a leading string or undefined is the name. */
function splitNamed<F, C>(args: unknown[]): { name: string | undefined; fn: F; config: C | undefined } {
  if (typeof args[0] === "string" || args[0] === undefined) {
    return { name: args[0] as string | undefined, fn: args[1] as F, config: args[2] as C | undefined };
  }
  return { name: undefined, fn: args[0] as F, config: args[1] as C | undefined };
}

/** The error a failed child context throws: by default a ChildContextError caused by the recorded error. */
function childContextError(recorded: ErrorObject, mapper?: ChildConfig<unknown>["errorMapper"]): DurableOperationError {
  const original = DurableOperationError.fromErrorObject(recorded);
  return mapper ? mapper(original) : new ChildContextError(original.message, original);
}

/** The error a closed callback rethrows, or undefined when it succeeded. */
function callbackFailure(op: Operation): CallbackError | undefined {
  if (op.Status === "SUCCEEDED") return undefined;
  const error = op.CallbackDetails?.Error;
  const Failure = op.Status === "TIMED_OUT" ? CallbackTimeoutError : CallbackExternalError;
  if (!error) return new Failure("");
  const cause = new Error(error.ErrorMessage ?? "");
  cause.name = error.ErrorType || "Error";
  if (error.StackTrace) cause.stack = error.StackTrace.join("\n");
  return new Failure(error.ErrorMessage ?? "", cause, error.ErrorData);
}

/** A failed batch item's error, always a ChildContextError as the official BatchResult has it. */
function itemError(error: unknown): ChildContextError {
  return error instanceof ChildContextError ? error : new ChildContextError(String((error as Error)?.message ?? error), error as Error);
}

/** What a map or parallel stores when its BatchResult is too large: counts and one S/F/- per item. */
function batchSummary<O>(type: "MapResult" | "ParallelResult", result: BatchResult<O>, custom?: (r: BatchResult<O>) => string): string {
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
function parseSummary(payload: string | undefined): { completionReason?: CompletionReason; itemStatuses?: string } {
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

/** What a context inherits from the one that created it. */
interface ContextScope {
  /** Step path of the CONTEXT operation that owns this context; undefined at the root. */
  stepPrefix?: string;
  /** Wire id its operations name as ParentId (for a virtual context, the nearest real one). */
  parentId?: string;
  /** Name of the owning operation, for log lines. */
  name?: string;
  /** Whether code in it is re-running recorded operations (silences its logger). */
  replaying: boolean;
  logger: DurableLogger;
  modeAware: boolean;
  serdes: Serdes<any>;
  callbackDeserializer?: Omit<Serdes<any>, "serialize">;
  /** How many more levels of child contexts keep their children (`pluginsConfig.childOperationsDepth`). */
  preserveDepth: number;
}

/** Never settles: what an operation returns once the invocation has to end. */
const never = <T>() => new Promise<T>(() => {});

export class DurableContextImpl implements DurableContext {
  private counter = 0;
  logger: DurableContextLogger;
  readonly executionContext: { readonly durableExecutionArn: string };
  readonly stepPrefix?: string;
  private readonly parentId?: string;
  private replaying: boolean;
  private durableLogger: DurableLogger;
  private modeAware: boolean;
  private defaultSerdes: Serdes<any>;
  /** Set only by configureSerdes; callbacks otherwise pass the raw string through. */
  private callbackDeserializer?: Omit<Serdes<any>, "serialize">;

  constructor(
    private readonly runtime: ExecutionRuntime,
    readonly lambdaContext: LambdaContext,
    private readonly scope: ContextScope,
  ) {
    this.stepPrefix = scope.stepPrefix;
    this.parentId = scope.parentId;
    this.replaying = scope.replaying;
    this.durableLogger = scope.logger;
    this.modeAware = scope.modeAware;
    this.defaultSerdes = scope.serdes;
    this.callbackDeserializer = scope.callbackDeserializer;
    this.logger = this.contextLogger();
    this.executionContext = { durableExecutionArn: runtime.durableExecutionArn };
  }

  private logData(operationId?: string, operationName?: string, attempt?: number): DurableLogData {
    const data: DurableLogData = { requestId: this.runtime.requestId, executionArn: this.runtime.durableExecutionArn };
    if (operationId !== undefined) data.operationId = operationId;
    if (operationName !== undefined) data.operationName = operationName;
    if (attempt !== undefined) data.attempt = attempt;
    return data;
  }

  private contextLogger(): DurableContextLogger {
    const id = this.stepPrefix === undefined ? undefined : hashOperationId(this.stepPrefix);
    return scopedLogger(this.durableLogger, () => this.logData(id, this.scope.name), () => !this.modeAware || !this.replaying);
  }

  /** Step bodies always run for real, so their lines are never silenced. */
  private stepLogger(id: string, name: string | undefined, attempt: number): DurableContextLogger {
    return scopedLogger(this.durableLogger, () => this.logData(id, name, attempt), () => true);
  }

  configureLogger(config: LoggerConfig): void {
    if (config.customLogger !== undefined) {
      this.durableLogger = config.customLogger;
      this.logger = this.contextLogger();
    }
    if (config.modeAware !== undefined) this.modeAware = config.modeAware;
  }

  configureSerdes(config: SerdesConfig): void {
    if (config.defaultSerdes !== undefined) this.defaultSerdes = config.defaultSerdes;
    if (config.defaultCallbackDeserializer !== undefined) this.callbackDeserializer = config.defaultCallbackDeserializer;
  }

  private childScope(stepPath: string, parentId: string | undefined, name: string | undefined, replaying: boolean, preserveDepth: number): ContextScope {
    return {
      preserveDepth,
      stepPrefix: stepPath,
      parentId,
      name,
      replaying,
      logger: this.durableLogger,
      modeAware: this.modeAware,
      serdes: this.defaultSerdes,
      callbackDeserializer: this.callbackDeserializer,
    };
  }

  /**
   * After a wait, callback or invoke completes: if nothing is recorded for the next operation,
   * the code is past the replayed part (a virtual context has no record, but its first child does).
   */
  private refreshReplayMode(): void {
    if (!this.replaying) return;
    const next = this.stepPrefix === undefined ? `${this.counter + 1}` : `${this.stepPrefix}-${this.counter + 1}`;
    const { checkpoints } = this.runtime;
    if (!checkpoints.get(hashOperationId(next)) && !checkpoints.get(hashOperationId(`${next}-1`))) this.replaying = false;
  }

  private nextOperation(): { stepPath: string; id: string; existing: Operation | undefined } {
    this.counter += 1;
    const stepPath = this.stepPrefix === undefined ? `${this.counter}` : `${this.stepPrefix}-${this.counter}`;
    const id = hashOperationId(stepPath);
    const existing = this.runtime.checkpoints.get(id);
    // The first operation without an outcome ends replay in this context.
    if (!existing || !isTerminal(existing.Status)) this.replaying = false;
    return { stepPath, id, existing };
  }

  private base(id: string, name: string | undefined, type: OperationUpdate["Type"], subType: string) {
    const u: Pick<OperationUpdate, "Id" | "Type" | "SubType" | "ParentId" | "Name"> = { Id: id, Type: type, SubType: subType };
    if (this.parentId !== undefined) u.ParentId = this.parentId;
    if (name !== undefined) u.Name = name;
    return u;
  }

  /** Runs phase 1 now and returns the lazy phase-2 promise; unawaited failures stay silent. */
  private operation<T>(id: string, phase1: () => Promise<T>): DurablePromise<T> {
    // Rebuilding a large result from a finished context: what never finished then never will.
    const record = this.runtime.checkpoints.get(id);
    if (this.rebuilding && record && !isTerminal(record.Status)) return new DurablePromise<T>(never);
    const started = phase1();
    started.catch(() => {});
    return new DurablePromise(() => {
      this.runtime.termination.markAwaited(id);
      return started;
    });
  }

  /**
   * Waits until the service reports that operation `id` has left STARTED (a wait ended, a
   * callback or chained invoke completed). While it waits the invocation may suspend.
   */
  private async untilClosed(id: string): Promise<Operation> {
    const { checkpoints, termination } = this.runtime;
    const closed = (o: Operation | undefined) => o !== undefined && o.Status !== "STARTED";
    if (!closed(checkpoints.get(id))) {
      termination.set(id, "IDLE_NOT_AWAITED");
      await this.runtime.serviceChange(id, closed, (o) => o?.WaitDetails?.ScheduledEndTimestamp);
    }
    termination.set(id, "COMPLETED");
    this.refreshReplayMode();
    return checkpoints.get(id)!;
  }

  step<T>(...args: unknown[]): DurablePromise<T> {
    this.checkUsage("step");
    const { name, fn, config } = splitNamed<StepFunc<T>, StepConfig<T>>(args);
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdes = this.guarded(config?.serdes ?? (this.defaultSerdes as Serdes<T>), stepPath, name);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const atMostOnce = config?.semantics === StepSemantics.AtMostOncePerRetry;
    const strategy = config?.retryStrategy ?? retryPresets.default;
    const base = this.base(id, name, "STEP", "Step");
    const opInfo = this.opInfo(id, name, "STEP", "Step");

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "STEP", subType: "Step", name, stepPath });
      for (;;) {
        const op = checkpoints.get(id);
        if (op?.Status === "SUCCEEDED") {
          runtime.termination.set(id, "COMPLETED");
          return (await serdes.deserialize(op.StepDetails?.Result, serdesContext)) as T;
        }
        if (op?.Status === "FAILED") {
          runtime.termination.set(id, "COMPLETED");
          throw DurableOperationError.fromErrorObject(op.StepDetails?.Error);
        }
        if (op?.Status === "PENDING") {
          // The service moves the step to READY when its back-off ends.
          runtime.termination.set(id, "RETRY_WAITING");
          await runtime.serviceChange(id, (o) => o?.Status !== "PENDING", (o) => o?.StepDetails?.NextAttemptTimestamp);
          continue;
        }
        const attempt = (op?.StepDetails?.Attempt ?? 0) + 1;
        const retryAttempt = (op?.StepDetails?.Attempt ?? 0) >= 1;
        let error: unknown;
        let attemptInfo: AttemptInfo | undefined;
        if (op?.Status === "STARTED" && atMostOnce) {
          error = new StepInterruptedError(`Step operation_id=${id} name=${name ?? ""} was previously interrupted`);
        } else {
          runtime.termination.set(id, "EXECUTING");
          if (op?.Status === "STARTED") {
            await this.hook("onOperationStart", () => toOperationInfo(op, opInfo, true));
          } else if (atMostOnce) {
            await checkpoints.checkpoint({ ...base, Action: "START" });
            await this.hook("onOperationStart", () => toOperationInfo(checkpoints.get(id), opInfo, retryAttempt));
          } else {
            checkpoints.checkpoint({ ...base, Action: "START" }).catch(() => {});
            await this.hook("onOperationStart", () => ({ ...opInfo, status: PluginOperationStatus.STARTED, isReplay: retryAttempt }));
          }
          attemptInfo = { ...toOperationInfo(checkpoints.get(id), opInfo), attempt, startTimestamp: new Date() };
          await this.hook("onOperationAttemptStart", () => attemptInfo!);
          try {
            const value = await this.wrapAttempt(attemptInfo, () => runInScope(stepPath, () => fn({ logger: this.stepLogger(id, name, attempt), attempt })));
            const payload = await serdes.serialize(value, serdesContext);
            await checkpoints.checkpoint({ ...base, Action: "SUCCEED", ...(payload !== undefined && { Payload: payload }) });
            const end = this.attemptEnd(id, opInfo, attempt, AttemptEndInfoOutcome.SUCCEEDED);
            // The attempt's own start, which the record (the operation's first START) does not hold.
            await this.hook("onOperationAttemptEnd", () => ({ ...end, startTimestamp: attemptInfo!.startTimestamp }));
            await this.hook("onOperationEnd", () => ({ ...end, isReplay: false }));
            runtime.termination.set(id, "COMPLETED");
            // Return what a replay would return, so both paths give the same value.
            return (await serdes.deserialize(payload, serdesContext)) as T;
          } catch (e) {
            if (runtime.termination.hasEnded) return never<T>();
            error = e;
          }
        }
        const err = error instanceof Error ? error : new Error("Unknown Error");
        const decision = strategy(err, attempt);
        const errorObject = toErrorObject(error);
        if (decision.shouldRetry) {
          const delay = Math.max(1, Math.round(durationToSeconds(decision.delay ?? { seconds: 1 })));
          await checkpoints.checkpoint({ ...base, Action: "RETRY", Error: errorObject, StepOptions: { NextAttemptDelaySeconds: delay } });
          if (attemptInfo) await this.hook("onOperationAttemptEnd", () => ({ ...this.attemptEnd(id, opInfo, attempt, AttemptEndInfoOutcome.FAILED, err), startTimestamp: attemptInfo!.startTimestamp }));
          continue;
        }
        await checkpoints.checkpoint({ ...base, Action: "FAIL", Error: errorObject });
        runtime.termination.set(id, "COMPLETED");
        if (attemptInfo) {
          const end = this.attemptEnd(id, opInfo, attempt, AttemptEndInfoOutcome.FAILED, err);
          await this.hook("onOperationAttemptEnd", () => ({ ...end, startTimestamp: attemptInfo!.startTimestamp }));
          await this.hook("onOperationEnd", () => ({ ...end, isReplay: false, error: err }));
        }
        // Rebuilt from its record, so a first run and a replay throw the same error.
        throw DurableOperationError.fromErrorObject(errorObject);
      }
    });
  }

  /**
   * True inside a context that already SUCCEEDED with `ReplayChildren`: its function runs again
   * only to rebuild a result too large to have been stored.
   */
  private get rebuilding(): boolean {
    return this.scope.replaying && this.stepPrefix !== undefined && this.runtime.checkpoints.get(hashOperationId(this.stepPrefix))?.Status === "SUCCEEDED";
  }

  /** Skips one operation id (a batch item that is not rebuilt), keeping later ids aligned. */
  private skipOperation(): void {
    this.counter += 1;
  }

  /** Closes a context to its descendants; what they were waiting on no longer counts. */
  private finish(contextId: string): void {
    this.runtime.checkpoints.markFinished(contextId);
    this.runtime.termination.evaluate();
  }

  /**
   * A serdes whose failure ends the invocation (Lambda retries it) instead of failing the
   * operation: bad (de)serialization is a bug or an outage, not an outcome worth recording.
   */
  private guarded<T>(serdes: Omit<Serdes<T>, "serialize"> & Partial<Pick<Serdes<T>, "serialize">>, stepPath: string, name: string | undefined): Serdes<T> {
    const fail = (what: string, error: unknown): Promise<never> => {
      const message = `${what} failed for step ${name ? `"${name}" ` : ""}(${stepPath}): ${error instanceof Error ? error.message : `Unknown ${what.toLowerCase()} error`}`;
      this.runtime.termination.terminate({ kind: "retry-invocation", error: new SerdesFailedError(message, error) });
      return never();
    };
    return {
      serialize: async (value, context) => {
        try {
          return await serdes.serialize!(value, context);
        } catch (error) {
          return fail("Serialization", error);
        }
      },
      deserialize: async (data, context) => {
        try {
          return await serdes.deserialize(data, context);
        } catch (error) {
          return fail("Deserialization", error);
        }
      },
    };
  }

  /** Fails the execution when code calls this context from inside another one (Node only, see active-scope). */
  private checkUsage(operation: string): void {
    const problem = contextMisuse(this.stepPrefix, operation);
    if (problem) this.runtime.termination.terminate({ kind: "fail", error: new Error(problem) });
  }

  /** What plugins know of an operation before the service has a record of it. */
  private opInfo(id: string, name: string | undefined, type: string, subType: string): OperationInfo {
    return { id, name, type, subType, parentId: this.parentId, isReplay: false };
  }

  /** Runs a plugin hook; without plugins this is a bare `await undefined`, one tick like the official SDK's. */
  private hook<K extends HookName>(hook: K, info: () => Parameters<NonNullable<DurableInstrumentationPlugin[K]>>[0]): Promise<void> | undefined {
    const plugins = this.runtime.plugins;
    return plugins.active ? plugins.call(hook, info()) : undefined;
  }

  private wrapAttempt<R>(info: AttemptInfo, fn: () => Promise<R> | R): Promise<R> {
    const plugins = this.runtime.plugins;
    return plugins.active ? plugins.wrap("wrapOperationAttemptFn", info as never, async () => fn()) : Promise.resolve(fn());
  }

  /**
   * Phase 1 of a wait, callback or invoke: send START, or tell plugins about the recorded one.
   * Returns true when the operation had already closed (nothing left to wait for).
   */
  private async openOrReplay(id: string, existing: Operation | undefined, opInfo: OperationInfo, start: () => Promise<void>): Promise<boolean> {
    if (existing && existing.Status !== "STARTED") {
      this.runtime.termination.set(id, "COMPLETED");
      this.refreshReplayMode();
      // Closed since the last invocation (a timer fired, a callback arrived): news, not replay.
      await this.hook("onOperationEnd", () => toOperationInfo(existing, opInfo, !this.runtime.updatedOperationIds.has(id)));
      return true;
    }
    if (!existing) {
      await start();
      await this.hook("onOperationStart", () => toOperationInfo(this.runtime.checkpoints.get(id), opInfo, false));
    } else {
      await this.hook("onOperationStart", () => toOperationInfo(existing, opInfo, true));
    }
    return false;
  }

  /** An attempt's end: the record has no end time after a RETRY (only SUCCEED/FAIL set one), so now is it. */
  private attemptEnd(id: string, opInfo: OperationInfo, attempt: number, outcome: AttemptEndInfoOutcome, error?: Error): AttemptEndInfo {
    const info = toOperationInfo(this.runtime.checkpoints.get(id), opInfo);
    return { ...info, endTimestamp: info.endTimestamp ?? new Date(), attempt, outcome, error };
  }

  wait(...args: unknown[]): DurablePromise<void> {
    this.checkUsage("wait");
    const [name, duration] = typeof args[0] === "string" ? [args[0], args[1] as Duration] : [undefined, args[0] as Duration];
    const seconds = durationToSeconds(duration);
    if (!(seconds >= 1)) throw new RangeError(`wait duration must be at least 1 second, got ${seconds}`);
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const base = this.base(id, name, "WAIT", "Wait");
    const opInfo = this.opInfo(id, name, "WAIT", "Wait");

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "WAIT", subType: "Wait", name, stepPath });
      const closed = await this.openOrReplay(id, existing, opInfo, () => checkpoints.checkpoint({ ...base, Action: "START", WaitOptions: { WaitSeconds: seconds } }));
      if (closed) return;
      const op = await this.untilClosed(id);
      await this.hook("onOperationEnd", () => toOperationInfo(op, opInfo, false));
    });
  }

  runInChildContext<T>(...args: unknown[]): DurablePromise<T> {
    this.checkUsage("runInChildContext");
    const { name, fn, config } = splitNamed<ChildFunc<T>, ChildConfig<T>>(args);
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const subType = config?.subType ?? "RunInChildContext";
    const serdes = this.guarded(config?.serdes ?? (this.defaultSerdes as Serdes<T>), stepPath, name);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const virtual = config?.virtualContext === true;
    const mapper = config?.errorMapper;
    const base = this.base(id, name, "CONTEXT", subType);
    const opInfo = this.opInfo(id, name, "CONTEXT", subType);
    // A virtual context adds no level to the tree, so it does not spend the depth budget.
    const depth = virtual ? this.scope.preserveDepth : Math.max(0, this.scope.preserveDepth - 1);
    const keepChildren = depth >= 1 ? { ContextOptions: { ReplayChildren: true } } : {};

    return this.operation(id, async () => {
      if (!virtual) runtime.validateReplay(existing, { type: "CONTEXT", subType, name, stepPath });
      if (existing?.Status === "SUCCEEDED" && !existing.ContextDetails?.ReplayChildren) {
        checkpoints.markFinished(id);
        return (await serdes.deserialize(existing.ContextDetails?.Result, serdesContext)) as T;
      }
      if (existing?.Status === "FAILED") {
        checkpoints.markFinished(id);
        throw childContextError(existing.ContextDetails?.Error ?? {}, mapper);
      }
      // The awaited hook is also the one tick the official SDK yields here: contexts started
      // together (map items, parallel branches) checkpoint their STARTs before their children's.
      if (!existing && !virtual) {
        checkpoints.checkpoint({ ...base, Action: "START" }).catch(() => {});
        await this.hook("onOperationStart", () => ({ ...opInfo, status: PluginOperationStatus.STARTED, isReplay: false }));
      } else {
        await this.hook("onOperationStart", () => ({ ...opInfo, isReplay: true }));
      }
      const replayingChildren = existing?.Status === "SUCCEEDED";
      const child = new DurableContextImpl(
        runtime,
        this.lambdaContext,
        this.childScope(stepPath, virtual ? this.parentId : id, name, replayingChildren, depth),
      );
      const plugins = runtime.plugins;
      let value: T;
      try {
        const body = () => runInScope(stepPath, () => fn(child));
        value = await (plugins.active ? plugins.wrapSync({ ...opInfo, isReplay: replayingChildren }, body) : body());
      } catch (e) {
        if (runtime.termination.hasEnded) return never<T>();
        if (!virtual) this.finish(id);
        const errorObject = toErrorObject(e);
        const recorded = DurableOperationError.fromErrorObject(errorObject);
        if (virtual) {
          await this.hook("onOperationEnd", () => ({ ...opInfo, status: PluginOperationStatus.FAILED, isReplay: true, error: recorded }));
        } else if (!replayingChildren) {
          checkpoints.checkpoint({ ...base, Action: "FAIL", Error: errorObject, ...keepChildren }).catch(() => {});
          await this.hook("onOperationEnd", () => ({
            ...toOperationInfo(checkpoints.get(id), opInfo),
            status: PluginOperationStatus.FAILED,
            isReplay: false,
            error: recorded,
          }));
        }
        // Thrown as rebuilt from its record, so a first run and a replay throw the same error.
        throw childContextError(errorObject, mapper);
      }
      // Closed before serializing, so no branch still in flight slips a checkpoint in meanwhile.
      if (!virtual) this.finish(id);
      const payload = await serdes.serialize(value, serdesContext);
      if (virtual) {
        await this.hook("onOperationEnd", () => ({ ...opInfo, status: PluginOperationStatus.SUCCEEDED, isReplay: true }));
      } else if (!replayingChildren) {
        // Too large to checkpoint: store a summary and let replays rebuild the value from the children.
        const tooLarge = payload !== undefined && utf8Length(payload) > Limits.CHECKPOINT_PAYLOAD_BYTES;
        const stored = tooLarge ? (config?.summaryGenerator?.(value) ?? "") : payload;
        checkpoints
          .checkpoint({
            ...base,
            Action: "SUCCEED",
            ...(stored !== undefined && { Payload: stored }),
            ...(tooLarge ? { ContextOptions: { ReplayChildren: true } } : keepChildren),
          })
          .catch(() => {});
        await this.hook("onOperationEnd", () => ({
          ...toOperationInfo(checkpoints.get(id), opInfo),
          status: PluginOperationStatus.SUCCEEDED,
          isReplay: false,
        }));
      }
      return (await serdes.deserialize(payload, serdesContext)) as T;
    });
  }

  createCallback<T = string>(...args: unknown[]): DurablePromise<CreateCallbackResult<T>> {
    this.checkUsage("createCallback");
    const [name, config] =
      typeof args[0] === "string" || args[0] === undefined
        ? [args[0] as string | undefined, args[1] as CreateCallbackConfig<T> | undefined]
        : [undefined, args[0] as CreateCallbackConfig<T> | undefined];
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdes = this.guarded((config?.serdes ?? this.callbackDeserializer ?? passThroughSerdes) as Serdes<T>, stepPath, name);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const base = this.base(id, name, "CALLBACK", "Callback");
    const opInfo = this.opInfo(id, name, "CALLBACK", "Callback");
    let closedAtStart = false;
    const options: { TimeoutSeconds?: number; HeartbeatTimeoutSeconds?: number } = {};
    if (config?.timeout) options.TimeoutSeconds = durationToSeconds(config.timeout);
    if (config?.heartbeatTimeout) options.HeartbeatTimeoutSeconds = durationToSeconds(config.heartbeatTimeout);

    const result = async (): Promise<T> => {
      const op = await this.untilClosed(id);
      const failure = callbackFailure(op);
      if (!closedAtStart) await this.hook("onOperationEnd", () => ({ ...toOperationInfo(op, opInfo, false), ...(failure && { error: failure }) }));
      if (failure) throw failure;
      return (await serdes.deserialize(op.CallbackDetails?.Result, serdesContext)) as T;
    };

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "CALLBACK", subType: "Callback", name, stepPath });
      closedAtStart = await this.openOrReplay(id, existing, opInfo, () => checkpoints.checkpoint({ ...base, Action: "START", CallbackOptions: options }));
      const callbackId = checkpoints.get(id)?.CallbackDetails?.CallbackId;
      if (!callbackId) throw new CallbackError(`No callback ID found for callback: ${stepPath} (the service returned none)`);
      let started: Promise<T> | undefined;
      // Lazy like every durable promise: only an awaited callback may suspend the invocation.
      const promise = new DurablePromise<T>(() => {
        runtime.termination.markAwaited(id);
        return (started ??= result());
      });
      return [promise, callbackId] as CreateCallbackResult<T>;
    });
  }

  waitForCallback<T = string>(...args: unknown[]): DurablePromise<T> {
    this.checkUsage("waitForCallback");
    const { name, fn: submitter, config } = splitNamed<WaitForCallbackSubmitterFunc, WaitForCallbackConfig<T>>(args);
    if (typeof submitter !== "function") throw new TypeError("waitForCallback requires a submitter function");
    const { serdes, retryStrategy, ...callbackConfig } = config ?? {};
    const configured = this.callbackDeserializer;
    const stepPath = this.stepPrefix === undefined ? `${this.counter + 1}` : `${this.stepPrefix}-${this.counter + 1}`;
    // The child returns the callback's raw string (stored JSON-encoded, or as is when a default
    // callback deserializer is configured); the user's serdes reads it afterwards, every time.
    const raw = (this as DurableContext).runInChildContext<string>(
      name,
      async (child) => {
        const [result, callbackId] = await child.createCallback<string>(undefined, { ...callbackConfig, serdes: passThroughSerdes });
        await child.step(async ({ logger }) => submitter(callbackId, { logger }), retryStrategy ? { retryStrategy } : undefined);
        return result;
      },
      {
        subType: "WaitForCallback",
        ...(configured && { serdes: passThroughSerdes as Serdes<string> }),
        errorMapper: (original) =>
          original instanceof CallbackError
            ? original
            : original instanceof StepError
              ? new CallbackSubmitterError(original.message, original)
              : new ChildContextError(original.message, original),
      },
    );
    const reader = this.guarded((serdes ?? configured ?? passThroughSerdes) as Serdes<T>, stepPath, name);
    const context = { entityId: stepPath, durableExecutionArn: this.runtime.durableExecutionArn };
    return new DurablePromise(async () => (await reader.deserialize(await raw, context)) as T);
  }

  invoke<I, O>(...args: unknown[]): DurablePromise<O> {
    this.checkUsage("invoke");
    // As in the official SDK, the call is name-first exactly when the second argument is a string.
    const [name, funcId, input, config] =
      typeof args[1] === "string"
        ? [args[0] as string, args[1], args[2] as I | undefined, args[3] as InvokeConfig<I, O> | undefined]
        : [undefined, args[0] as string, args[1] as I | undefined, args[2] as InvokeConfig<I, O> | undefined];
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const payloadSerdes = this.guarded(config?.payloadSerdes ?? (this.defaultSerdes as Serdes<I>), stepPath, name);
    const resultSerdes = this.guarded(config?.resultSerdes ?? (this.defaultSerdes as Serdes<O>), stepPath, name);
    const base = this.base(id, name, "CHAINED_INVOKE", "ChainedInvoke");
    const opInfo = this.opInfo(id, name, "CHAINED_INVOKE", "ChainedInvoke");

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "CHAINED_INVOKE", subType: "ChainedInvoke", name, stepPath });
      const closed = await this.openOrReplay(id, existing, opInfo, async () => {
        const payload = await payloadSerdes.serialize(input, serdesContext);
        await checkpoints.checkpoint({
          ...base,
          Action: "START",
          ...(payload !== undefined && { Payload: payload }),
          ChainedInvokeOptions: { FunctionName: funcId, ...(config?.tenantId !== undefined && { TenantId: config.tenantId }) },
        });
      });
      const op = await this.untilClosed(id);
      const failed = op.Status !== "SUCCEEDED";
      const error = failed ? DurableOperationError.fromErrorObject(op.ChainedInvokeDetails?.Error) : undefined;
      const failure = error && new InvokeError(error.message, error.cause, error.errorData);
      if (!closed) await this.hook("onOperationEnd", () => ({ ...toOperationInfo(op, opInfo, false), ...(failure && { error: failure }) }));
      if (failure) throw failure;
      return (await resultSerdes.deserialize(op.ChainedInvokeDetails?.Result, serdesContext)) as O;
    });
  }

  waitForCondition<T>(...args: unknown[]): DurablePromise<T> {
    this.checkUsage("waitForCondition");
    const { name, fn: check, config } = splitNamed<WaitForConditionCheckFunc<T>, WaitForConditionConfig<T>>(args);
    if (!config?.waitStrategy || !("initialState" in config)) throw new TypeError("waitForCondition requires config with waitStrategy and initialState");
    const { stepPath, id } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdes = this.guarded(config.serdes ?? (this.defaultSerdes as Serdes<T>), stepPath, name);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const base = this.base(id, name, "STEP", "WaitForCondition");
    const opInfo = this.opInfo(id, name, "STEP", "WaitForCondition");

    // Not checked against the recorded type and name, as in the official SDK.
    return this.operation(id, async () => {
      for (;;) {
        const op = checkpoints.get(id);
        if (op?.Status === "SUCCEEDED") {
          runtime.termination.set(id, "COMPLETED");
          return (await serdes.deserialize(op.StepDetails?.Result, serdesContext)) as T;
        }
        if (op?.Status === "FAILED") {
          runtime.termination.set(id, "COMPLETED");
          const failure = DurableOperationError.fromErrorObject(op.StepDetails?.Error);
          throw new WaitForConditionError(failure.message, failure.cause, failure.errorData);
        }
        if (op?.Status === "PENDING") {
          runtime.termination.set(id, "RETRY_WAITING");
          await runtime.serviceChange(id, (o) => o?.Status !== "PENDING", (o) => o?.StepDetails?.NextAttemptTimestamp);
          continue;
        }
        const recorded = op?.StepDetails?.Result;
        const state = recorded !== undefined ? ((await serdes.deserialize(recorded, serdesContext)) as T) : config.initialState;
        const attempt = (op?.StepDetails?.Attempt ?? 0) + 1;
        runtime.termination.set(id, "EXECUTING");
        if (op?.Status !== "STARTED") {
          checkpoints.checkpoint({ ...base, Action: "START" }).catch(() => {});
          await this.hook("onOperationStart", () => ({ ...opInfo, status: PluginOperationStatus.STARTED, isReplay: attempt > 1 }));
        } else {
          await this.hook("onOperationStart", () => toOperationInfo(op, opInfo, true));
        }
        const attemptInfo: AttemptInfo = { ...toOperationInfo(op, opInfo), attempt, startTimestamp: new Date() };
        let payload: string | undefined;
        let next: T;
        let decision: WaitForConditionDecision;
        try {
          await this.hook("onOperationAttemptStart", () => attemptInfo);
          const checked = await this.wrapAttempt(attemptInfo, () => runInScope(stepPath, () => check(state, { logger: this.stepLogger(id, name, attempt), attempt })));
          payload = await serdes.serialize(checked, serdesContext);
          // The strategy sees what a replay would see: the state after its round trip.
          next = (await serdes.deserialize(payload, serdesContext)) as T;
          decision = config.waitStrategy(next, attempt);
        } catch (e) {
          if (runtime.termination.hasEnded) return never<T>();
          const err = e instanceof Error ? e : new Error(String(e));
          await checkpoints.checkpoint({ ...base, Action: "FAIL", Error: toErrorObject(err) });
          runtime.termination.set(id, "COMPLETED");
          const end = this.attemptEnd(id, opInfo, attempt, AttemptEndInfoOutcome.FAILED, err);
          await this.hook("onOperationAttemptEnd", () => end);
          await this.hook("onOperationEnd", () => ({ ...end, isReplay: false }));
          throw new WaitForConditionError(err.message, err);
        }
        if (!decision.shouldContinue) {
          await checkpoints.checkpoint({ ...base, Action: "SUCCEED", ...(payload !== undefined && { Payload: payload }) });
          const end = this.attemptEnd(id, opInfo, attempt, AttemptEndInfoOutcome.SUCCEEDED);
          await this.hook("onOperationAttemptEnd", () => ({ ...end, startTimestamp: end.endTimestamp }));
          await this.hook("onOperationEnd", () => ({ ...end, isReplay: false }));
          runtime.termination.set(id, "COMPLETED");
          return next;
        }
        const delay = Math.max(1, Math.round(durationToSeconds(decision.delay)));
        await checkpoints.checkpoint({
          ...base,
          Action: "RETRY",
          ...(payload !== undefined && { Payload: payload }),
          StepOptions: { NextAttemptDelaySeconds: delay },
        });
        const end = this.attemptEnd(id, opInfo, attempt, AttemptEndInfoOutcome.SUCCEEDED);
        await this.hook("onOperationAttemptEnd", () => ({ ...end, startTimestamp: end.endTimestamp }));
      }
    });
  }

  map<I, O>(...args: unknown[]): DurablePromise<BatchResult<O>> {
    this.checkUsage("map");
    const [name, items, mapFunc, config] =
      typeof args[0] === "string" || args[0] === undefined
        ? [args[0] as string | undefined, args[1], args[2], args[3] as MapConfig<I, O> | undefined]
        : [undefined, args[0], args[1], args[2] as MapConfig<I, O> | undefined];
    if (!Array.isArray(items)) throw new TypeError("Map operation requires an array of items");
    if (typeof mapFunc !== "function") throw new TypeError("Map operation requires a function to process items");
    const list = items as I[];
    const fn = mapFunc as MapFunc<I, O>;
    return this.runBatch<O>(
      name,
      list.map((item, index) => ({
        name: config?.itemNamer ? config.itemNamer(item, index) : `map-item-${index}`,
        run: (ctx: DurableContext) => fn(ctx, item, index, list),
      })),
      config,
      "Map",
      "MapIteration",
    );
  }

  parallel<O>(...args: unknown[]): DurablePromise<BatchResult<O>> {
    this.checkUsage("parallel");
    const [name, branches, config] =
      typeof args[0] === "string" || args[0] === undefined
        ? [args[0] as string | undefined, args[1], args[2] as ParallelConfig<O> | undefined]
        : [undefined, args[0], args[1] as ParallelConfig<O> | undefined];
    if (!Array.isArray(branches)) throw new TypeError("Parallel operation requires an array of branch functions");
    const list = branches as (ParallelFunc<O> | NamedParallelBranch<O>)[];
    if (list.some((b) => typeof b !== "function" && typeof b?.func !== "function")) {
      throw new TypeError("All branches must be functions or NamedParallelBranch objects");
    }
    return this.runBatch<O>(
      name,
      list.map((b, index) =>
        typeof b === "function"
          ? { name: `parallel-branch-${index}`, run: b }
          : { name: b.name || `parallel-branch-${index}`, run: b.func },
      ),
      config,
      "Parallel",
      "ParallelBranch",
    );
  }

  /**
   * Runs items as child contexts of one Map/Parallel context, at most `maxConcurrency` at a
   * time, and stops starting new ones once the completion config says the batch is decided.
   */
  private runBatch<O>(
    name: string | undefined,
    items: { name: string; run: (ctx: DurableContext) => Promise<O> }[],
    config: ConcurrencyConfig<O> | undefined,
    subType: string,
    itemSubType: string,
  ): DurablePromise<BatchResult<O>> {
    const max = config?.maxConcurrency;
    const completion = config?.completionConfig;
    const problem =
      max !== undefined && max !== null && !(max > 0)
        ? `Invalid maxConcurrency: ${max}. Must be a positive number or undefined for unlimited concurrency.`
        : completionConfigProblem(completion);
    if (problem) {
      // A configuration error would fail identically on every retry: end the execution.
      this.runtime.termination.terminate({ kind: "fail", error: new Error(problem) });
      return new DurablePromise<BatchResult<O>>(never);
    }
    const total = items.length;
    const runItem = (batch: DurableContext, index: number) =>
      batch.runInChildContext<O>(items[index]!.name, (ctx) => items[index]!.run(ctx), {
        subType: itemSubType,
        ...(config?.itemSerdes && { serdes: config.itemSerdes }),
        ...(config?.nesting === NestingType.FLAT && { virtualContext: true }),
      });
    const body = (batch: DurableContext) => {
      const impl = batch as DurableContextImpl;
      return impl.rebuilding ? impl.rebuildBatch(items.length, runItem, completion) : runLive(batch);
    };
    const runLive = (batch: DurableContext) =>
      new Promise<BatchResult<O>>((resolve) => {
        const results: (BatchItem<O> | undefined)[] = [];
        let active = 0;
        let next = 0;
        let successCount = 0;
        let failureCount = 0;
        const status = (): CompletionStatus => ({
          successCount,
          failureCount,
          completedCount: successCount + failureCount,
          totalCount: total,
          items: items.map((item, index) => ({ index, name: item.name, status: results[index]?.status })),
        });
        const finish = () =>
          resolve(
            new BatchResultImpl(
              results.filter((r): r is BatchItem<O> => r !== undefined).map((r) => ({ ...r })),
              completionReason(completion, status()),
            ),
          );
        const onSettled = () => {
          active--;
          if (isComplete(completion, status()) || !shouldContinue(completion, status())) finish();
          else startMore();
        };
        const startMore = () => {
          while (active < (max || Infinity) && next < total && shouldContinue(completion, status())) {
            const index = next++;
            active++;
            results[index] = { index, status: BatchItemStatus.STARTED };
            runItem(batch, index).then(
                (result) => {
                  results[index] = { result, index, status: BatchItemStatus.SUCCEEDED };
                  successCount++;
                  onSettled();
                },
                (error: unknown) => {
                  results[index] = { error: itemError(error), index, status: BatchItemStatus.FAILED };
                  failureCount++;
                  onSettled();
                },
              );
          }
          // A custom predicate may decide before anything started.
          if (active === 0) finish();
        };
        startMore();
      });
    return (this as DurableContext).runInChildContext<BatchResult<O>>(name, body, {
      subType,
      serdes: (config?.serdes ?? batchResultSerdes) as Serdes<BatchResult<O>>,
      summaryGenerator: (result) => batchSummary(subType === "Map" ? "MapResult" : "ParallelResult", result, config?.summaryGenerator),
    });
  }

  /**
   * Rebuilds a batch whose result was too large to store: re-runs, one by one, the items the
   * summary records as finished (their operations replay from the record), skips the others.
   */
  private async rebuildBatch<O>(
    total: number,
    runItem: (batch: DurableContext, index: number) => DurablePromise<O>,
    completion: CompletionConfig | undefined,
  ): Promise<BatchResult<O>> {
    const summary = parseSummary(this.runtime.checkpoints.get(hashOperationId(this.stepPrefix!))?.ContextDetails?.Result);
    const results: BatchItem<O>[] = [];
    for (let index = 0; index < total; index++) {
      const path = `${this.stepPrefix}-${this.counter + 1}`;
      const record = this.runtime.checkpoints.get(hashOperationId(path));
      const recordDone = !record || record.Status === "SUCCEEDED" || record.Status === "FAILED";
      const marker = summary.itemStatuses?.[index];
      const finished = marker !== undefined ? (marker === "S" || marker === "F") && recordDone : record !== undefined && recordDone;
      if (!finished) {
        this.skipOperation();
        continue;
      }
      try {
        results.push({ result: await runItem(this, index), index, status: BatchItemStatus.SUCCEEDED });
      } catch (error) {
        results.push({ error: itemError(error), index, status: BatchItemStatus.FAILED });
      }
    }
    const successCount = results.filter((r) => r.status === BatchItemStatus.SUCCEEDED).length;
    const failureCount = results.length - successCount;
    const reason =
      summary.completionReason ??
      completionReason(completion, { successCount, failureCount, completedCount: results.length, totalCount: total, items: [] });
    return new BatchResultImpl(results, reason);
  }

  get promise(): DurablePromiseCombinators {
    // Each combinator becomes a child context whose body awaits the given promises; its id is
    // taken when the combinator is first awaited, as in the official SDK.
    const combinator =
      <R>(combine: (promises: DurablePromise<unknown>[]) => Promise<R>, serdes?: Serdes<R>) =>
      (...args: unknown[]): DurablePromise<R> => {
        const [name, promises] =
          typeof args[0] === "string" || args[0] === undefined
            ? [args[0] as string | undefined, args[1] as DurablePromise<unknown>[]]
            : [undefined, args[0] as DurablePromise<unknown>[]];
        return new DurablePromise(() =>
          (this as DurableContext).runInChildContext<R>(name, () => combine(promises), {
            ...(serdes && { serdes }),
            errorMapper: (error) => new PromiseCombinatorError(error.message, error),
          }),
        );
      };
    return {
      all: combinator((p) => Promise.all(p)),
      allSettled: combinator((p) => Promise.allSettled(p), settledSerdes),
      any: combinator((p) => Promise.any(p)),
      race: combinator((p) => Promise.race(p)),
    } as DurablePromiseCombinators;
  }
}
