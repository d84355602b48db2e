import { Limits, utf8Length, type ErrorObject, type Operation, type OperationUpdate } from "../protocol/index.js";
import { DurablePromise } from "./durable-promise.js";
import { durationToSeconds, type Duration } from "./duration.js";
import {
  CallbackError,
  CallbackSubmitterError,
  callbackFailure,
  ChildContextError,
  DurableOperationError,
  InvokeError,
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
import { retryPresets, type WaitForConditionDecision } from "./retry.js";
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
import { passThroughSerdes, type Serdes, type SerdesConfig } from "./serdes.js";
import { promiseCombinators } from "./promise-combinators.js";
import type {
  ChildConfig,
  ChildFunc,
  ConcurrencyConfig,
  CreateCallbackConfig,
  CreateCallbackResult,
  DurableContext,
  DurablePromiseCombinators,
  InvokeConfig,
  LambdaContext,
  MapConfig,
  MapFunc,
  NamedParallelBranch,
  ParallelConfig,
  ParallelFunc,
  StepConfig,
  StepFunc,
  WaitForCallbackConfig,
  WaitForCallbackSubmitterFunc,
  WaitForConditionCheckFunc,
  WaitForConditionConfig,
} from "./context-types.js";
import { NestingType, StepSemantics } from "./context-types.js";
import {
  batchSummary,
  itemError,
  parseSummary,
  BatchItemStatus,
  BatchResultImpl,
  batchResultSerdes,
  completionConfigProblem,
  completionReason,
  isComplete,
  shouldContinue,
  type CompletionStatus,
  type BatchItem,
  type BatchResult,
  type CompletionConfig,
} from "./batch.js";

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
    const next = this.peekStepPath();
    const { checkpoints } = this.runtime;
    if (!checkpoints.get(hashOperationId(next)) && !checkpoints.get(hashOperationId(`${next}-1`))) this.replaying = false;
  }

  /** The step path the next operation of this context will take. */
  private peekStepPath(): string {
    return this.stepPrefix === undefined ? `${this.counter + 1}` : `${this.stepPrefix}-${this.counter + 1}`;
  }

  private nextOperation(): { stepPath: string; id: string; existing: Operation | undefined } {
    const stepPath = this.peekStepPath();
    this.counter += 1;
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
          await runtime.serviceChange(id, (o) => o?.Status !== "PENDING", (o) => o?.StepDetails?.NextAttemptTimestamp, true);
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
            const payload = runtime.standIn
              ? (await runtime.standIn(attemptInfo)).payload
              : await serdes.serialize(
                  await this.wrapAttempt(attemptInfo, () => runInScope(stepPath, () => fn({ logger: this.stepLogger(id, name, attempt), attempt }))),
                  serdesContext,
                );
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
    const stepPath = this.peekStepPath();
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
          await runtime.serviceChange(id, (o) => o?.Status !== "PENDING", (o) => o?.StepDetails?.NextAttemptTimestamp, true);
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
          payload = runtime.standIn
            ? (await runtime.standIn(attemptInfo)).payload
            : await serdes.serialize(
                await this.wrapAttempt(attemptInfo, () => runInScope(stepPath, () => check(state, { logger: this.stepLogger(id, name, attempt), attempt }))),
                serdesContext,
              );
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
      const path = this.peekStepPath();
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
    return promiseCombinators(this);
  }

}
