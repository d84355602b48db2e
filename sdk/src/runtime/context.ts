import { Limits, utf8Length, type ErrorObject, type Operation, type OperationUpdate } from "../protocol/index.js";
import { DurablePromise } from "./durable-promise.js";
import { durationToSeconds, type Duration } from "./duration.js";
import {
  CallbackError,
  CallbackTimeoutError,
  ChildContextError,
  DurableOperationError,
  InvokeError,
  StepError,
  WaitForConditionError,
  StepInterruptedError,
  toErrorObject,
} from "./errors.js";
import type { ExecutionRuntime } from "./execution-runtime.js";
import type { DurableContextLogger } from "./logger.js";
import { hashOperationId } from "./operation-id.js";
import { retryPresets, type RetryDecision, type WaitForConditionDecision } from "./retry.js";
import { defaultSerdes, type Serdes } from "./serdes.js";
import {
  BatchItemStatus,
  BatchResultImpl,
  batchResultSerdes,
  completionReason,
  toleratesFailures,
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
}

/** Callback results are the external system's raw string unless a serdes says otherwise. */
const passThrough = { deserialize: async (data: string | undefined) => data };

/** Splits the official SDK's overloads: a leading string or undefined is the name. */
function splitNamed<F, C>(args: unknown[]): { name: string | undefined; fn: F; config: C | undefined } {
  if (typeof args[0] === "string" || args[0] === undefined) {
    return { name: args[0] as string | undefined, fn: args[1] as F, config: args[2] as C | undefined };
  }
  return { name: undefined, fn: args[0] as F, config: args[1] as C | undefined };
}

/** The error a failed child context throws: a ChildContextError caused by the recorded error. */
function childContextError(recorded: ErrorObject): ChildContextError {
  const original = DurableOperationError.fromErrorObject(recorded);
  return new ChildContextError(original.message, original);
}

/** Never settles: what an operation returns once the invocation has to end. */
const never = <T>() => new Promise<T>(() => {});

export class DurableContextImpl implements DurableContext {
  private counter = 0;
  readonly logger: DurableContextLogger;
  readonly executionContext: { readonly durableExecutionArn: string };

  constructor(
    private readonly runtime: ExecutionRuntime,
    readonly lambdaContext: LambdaContext,
    /** Step path of the CONTEXT operation that owns this context; undefined at the root. */
    readonly stepPrefix?: string,
    /** Wire id of that CONTEXT operation. */
    private readonly parentId?: string,
  ) {
    this.logger = runtime.logger(parentId);
    this.executionContext = { durableExecutionArn: runtime.durableExecutionArn };
  }

  private nextOperation(): { stepPath: string; id: string; existing: Operation | undefined } {
    this.counter += 1;
    const stepPath = this.stepPrefix === undefined ? `${this.counter}` : `${this.stepPrefix}-${this.counter}`;
    const id = hashOperationId(stepPath);
    const existing = this.runtime.checkpoints.get(id);
    this.runtime.noteOperation(existing);
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
      await checkpoints.waitFor(id, closed);
    }
    termination.set(id, "COMPLETED");
    return checkpoints.get(id)!;
  }

  step<T>(...args: unknown[]): DurablePromise<T> {
    const { name, fn, config } = splitNamed<StepFunc<T>, StepConfig<T>>(args);
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdes = config?.serdes ?? (defaultSerdes as Serdes<T>);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const atMostOnce = config?.semantics === StepSemantics.AtMostOncePerRetry;
    const strategy = config?.retryStrategy ?? retryPresets.default;
    const base = this.base(id, name, "STEP", "Step");

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
          await checkpoints.waitFor(id, (o) => o?.Status !== "PENDING");
          continue;
        }
        const attempt = (op?.StepDetails?.Attempt ?? 0) + 1;
        let error: unknown;
        if (op?.Status === "STARTED" && atMostOnce) {
          error = new StepInterruptedError(`Step operation_id=${id} name=${name ?? ""} was previously interrupted`);
        } else {
          runtime.termination.set(id, "EXECUTING");
          if (op?.Status !== "STARTED") {
            const start = checkpoints.checkpoint({ ...base, Action: "START" });
            if (atMostOnce) await start;
            else start.catch(() => {});
          }
          try {
            const value = await fn({ logger: runtime.logger(id, attempt), attempt });
            const payload = await serdes.serialize(value, serdesContext);
            await checkpoints.checkpoint({ ...base, Action: "SUCCEED", ...(payload !== undefined && { Payload: payload }) });
            runtime.termination.set(id, "COMPLETED");
            // Return what a replay would return, so both paths give the same value.
            return (await serdes.deserialize(payload, serdesContext)) as T;
          } catch (e) {
            if (runtime.termination.hasEnded) return never<T>();
            error = e;
          }
        }
        const err = error instanceof Error ? error : new Error(String(error));
        const decision = strategy(err, attempt);
        if (decision.shouldRetry) {
          const delay = Math.max(1, Math.round(durationToSeconds(decision.delay ?? { seconds: 1 })));
          await checkpoints.checkpoint({
            ...base,
            Action: "RETRY",
            Error: toErrorObject(err),
            StepOptions: { NextAttemptDelaySeconds: delay },
          });
          continue;
        }
        await checkpoints.checkpoint({ ...base, Action: "FAIL", Error: toErrorObject(err) });
        runtime.termination.set(id, "COMPLETED");
        const failure = new StepError(err.message, err);
        throw failure;
      }
    });
  }

  wait(...args: unknown[]): DurablePromise<void> {
    const [name, duration] = typeof args[0] === "string" ? [args[0], args[1] as Duration] : [undefined, args[0] as Duration];
    const seconds = durationToSeconds(duration);
    if (!(seconds >= 1)) throw new RangeError(`wait duration must be at least 1 second, got ${seconds}`);
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const base = this.base(id, name, "WAIT", "Wait");

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "WAIT", subType: "Wait", name, stepPath });
      if (!existing) await checkpoints.checkpoint({ ...base, Action: "START", WaitOptions: { WaitSeconds: seconds } });
      await this.untilClosed(id);
    });
  }

  runInChildContext<T>(...args: unknown[]): DurablePromise<T> {
    const { name, fn, config } = splitNamed<ChildFunc<T>, ChildConfig<T>>(args);
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const subType = config?.subType ?? "RunInChildContext";
    const serdes = config?.serdes ?? (defaultSerdes as Serdes<T>);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const base = this.base(id, name, "CONTEXT", subType);

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "CONTEXT", subType, name, stepPath });
      if (existing?.Status === "SUCCEEDED" && !existing.ContextDetails?.ReplayChildren) {
        return (await serdes.deserialize(existing.ContextDetails?.Result, serdesContext)) as T;
      }
      if (existing?.Status === "FAILED") throw childContextError(existing.ContextDetails?.Error ?? {});
      if (!existing) checkpoints.checkpoint({ ...base, Action: "START" }).catch(() => {});
      // Yield once before the body runs, as the official SDK does: contexts started together
      // (map items, parallel branches) checkpoint their STARTs before their children's.
      await Promise.resolve();
      const child = new DurableContextImpl(runtime, this.lambdaContext, stepPath, id);
      let value: T;
      try {
        value = await fn(child);
      } catch (e) {
        if (runtime.termination.hasEnded) return never<T>();
        const err = e instanceof Error ? e : new Error(String(e));
        const errorObject = toErrorObject(err);
        if (existing?.Status !== "SUCCEEDED") await checkpoints.checkpoint({ ...base, Action: "FAIL", Error: errorObject });
        // Thrown as rebuilt from its record, so a first run and a replay throw the same error.
        throw childContextError(errorObject);
      }
      const payload = await serdes.serialize(value, serdesContext);
      if (existing?.Status !== "SUCCEEDED") {
        // Too large to checkpoint: store a summary and let replays rebuild the value from the children.
        const tooLarge = payload !== undefined && utf8Length(payload) > Limits.CHECKPOINT_PAYLOAD_BYTES;
        const stored = tooLarge ? (config?.summaryGenerator?.(value) ?? "") : payload;
        await checkpoints.checkpoint({
          ...base,
          Action: "SUCCEED",
          ...(stored !== undefined && { Payload: stored }),
          ...(tooLarge && { ContextOptions: { ReplayChildren: true } }),
        });
      }
      return (await serdes.deserialize(payload, serdesContext)) as T;
    });
  }

  createCallback<T = string>(...args: unknown[]): DurablePromise<CreateCallbackResult<T>> {
    const [name, config] =
      typeof args[0] === "string" || args[0] === undefined
        ? [args[0] as string | undefined, args[1] as CreateCallbackConfig<T> | undefined]
        : [undefined, args[0] as CreateCallbackConfig<T> | undefined];
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdes = config?.serdes ?? (passThrough as Omit<Serdes<T>, "serialize">);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const base = this.base(id, name, "CALLBACK", "Callback");
    const options: { TimeoutSeconds?: number; HeartbeatTimeoutSeconds?: number } = {};
    if (config?.timeout) options.TimeoutSeconds = durationToSeconds(config.timeout);
    if (config?.heartbeatTimeout) options.HeartbeatTimeoutSeconds = durationToSeconds(config.heartbeatTimeout);

    const result = async (): Promise<T> => {
      const op = await this.untilClosed(id);
      if (op.Status === "SUCCEEDED") return (await serdes.deserialize(op.CallbackDetails?.Result, serdesContext)) as T;
      const error = op.CallbackDetails?.Error;
      if (op.Status === "TIMED_OUT") throw new CallbackTimeoutError(error?.ErrorMessage ?? "Callback timed out");
      const failure = DurableOperationError.fromErrorObject(error);
      throw new CallbackError(failure.message, failure.cause, failure.errorData);
    };

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "CALLBACK", subType: "Callback", name, stepPath });
      if (!existing) await checkpoints.checkpoint({ ...base, Action: "START", CallbackOptions: options });
      const callbackId = checkpoints.get(id)?.CallbackDetails?.CallbackId;
      if (!callbackId) throw new Error(`The service returned no CallbackId for callback operation ${id}`);
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
    const { name, fn: submitter, config } = splitNamed<WaitForCallbackSubmitterFunc, WaitForCallbackConfig<T>>(args);
    if (typeof submitter !== "function") throw new TypeError("waitForCallback requires a submitter function");
    const { serdes, retryStrategy, ...callbackConfig } = config ?? {};
    // The callback's raw string is read by the user's serdes inside the child; the child then
    // stores that value as JSON, as the official SDK does.
    return (this as DurableContext).runInChildContext<T>(
      name,
      async (child) => {
        const [result, callbackId] = await child.createCallback<string>(undefined, callbackConfig);
        await child.step(async ({ logger }) => submitter(callbackId, { logger }), retryStrategy ? { retryStrategy } : undefined);
        const raw = await result;
        const context = { entityId: `${(child as DurableContextImpl).stepPrefix}-1`, durableExecutionArn: this.runtime.durableExecutionArn };
        return (serdes ? await serdes.deserialize(raw, context) : raw) as T;
      },
      { subType: "WaitForCallback" },
    );
  }

  invoke<I, O>(...args: unknown[]): DurablePromise<O> {
    // As in the official SDK, the call is name-first exactly when the second argument is a string.
    const [name, funcId, input, config] =
      typeof args[1] === "string"
        ? [args[0] as string, args[1], args[2] as I | undefined, args[3] as InvokeConfig<I, O> | undefined]
        : [undefined, args[0] as string, args[1] as I | undefined, args[2] as InvokeConfig<I, O> | undefined];
    const { stepPath, id, existing } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const payloadSerdes = config?.payloadSerdes ?? (defaultSerdes as Serdes<I>);
    const resultSerdes = config?.resultSerdes ?? (defaultSerdes as Serdes<O>);
    const base = this.base(id, name, "CHAINED_INVOKE", "ChainedInvoke");

    return this.operation(id, async () => {
      runtime.validateReplay(existing, { type: "CHAINED_INVOKE", subType: "ChainedInvoke", name, stepPath });
      if (!existing) {
        const payload = await payloadSerdes.serialize(input, serdesContext);
        await checkpoints.checkpoint({
          ...base,
          Action: "START",
          ...(payload !== undefined && { Payload: payload }),
          ChainedInvokeOptions: { FunctionName: funcId, ...(config?.tenantId !== undefined && { TenantId: config.tenantId }) },
        });
      }
      const op = await this.untilClosed(id);
      if (op.Status === "SUCCEEDED") return (await resultSerdes.deserialize(op.ChainedInvokeDetails?.Result, serdesContext)) as O;
      const failure = DurableOperationError.fromErrorObject(op.ChainedInvokeDetails?.Error);
      throw new InvokeError(failure.message, failure.cause, failure.errorData);
    });
  }

  waitForCondition<T>(...args: unknown[]): DurablePromise<T> {
    const { name, fn: check, config } = splitNamed<WaitForConditionCheckFunc<T>, WaitForConditionConfig<T>>(args);
    if (!config?.waitStrategy || !("initialState" in config)) throw new TypeError("waitForCondition requires config with waitStrategy and initialState");
    const { stepPath, id } = this.nextOperation();
    const runtime = this.runtime;
    const checkpoints = runtime.checkpoints;
    const serdes = config.serdes ?? (defaultSerdes as Serdes<T>);
    const serdesContext = { entityId: stepPath, durableExecutionArn: runtime.durableExecutionArn };
    const base = this.base(id, name, "STEP", "WaitForCondition");

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
          await checkpoints.waitFor(id, (o) => o?.Status !== "PENDING");
          continue;
        }
        const attempt = (op?.StepDetails?.Attempt ?? 0) + 1;
        runtime.termination.set(id, "EXECUTING");
        if (op?.Status !== "STARTED") checkpoints.checkpoint({ ...base, Action: "START" }).catch(() => {});
        let payload: string | undefined;
        let decision: WaitForConditionDecision;
        try {
          const recorded = op?.StepDetails?.Result;
          const state = recorded !== undefined ? ((await serdes.deserialize(recorded, serdesContext)) as T) : config.initialState;
          const next = await check(state, { logger: runtime.logger(id, attempt), attempt });
          payload = await serdes.serialize(next, serdesContext);
          decision = config.waitStrategy(next, attempt);
        } catch (e) {
          if (runtime.termination.hasEnded) return never<T>();
          const err = e instanceof Error ? e : new Error(String(e));
          await checkpoints.checkpoint({ ...base, Action: "FAIL", Error: toErrorObject(err) });
          runtime.termination.set(id, "COMPLETED");
          throw new WaitForConditionError(err.message, err);
        }
        if (!decision.shouldContinue) {
          await checkpoints.checkpoint({ ...base, Action: "SUCCEED", ...(payload !== undefined && { Payload: payload }) });
          runtime.termination.set(id, "COMPLETED");
          return (await serdes.deserialize(payload, serdesContext)) as T;
        }
        const delay = Math.max(1, Math.round(durationToSeconds(decision.delay)));
        await checkpoints.checkpoint({
          ...base,
          Action: "RETRY",
          ...(payload !== undefined && { Payload: payload }),
          StepOptions: { NextAttemptDelaySeconds: delay },
        });
      }
    });
  }

  map<I, O>(...args: unknown[]): DurablePromise<BatchResult<O>> {
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
    if (max !== undefined && max !== null && !(max > 0)) {
      throw new RangeError(`Invalid maxConcurrency: ${max}. Must be a positive number or undefined for unlimited concurrency.`);
    }
    const completion = config?.completionConfig;
    const body = (batch: DurableContext) =>
      new Promise<BatchResult<O>>((resolve) => {
        const results: (BatchItem<O> | undefined)[] = [];
        let active = 0;
        let next = 0;
        let completed = 0;
        let successes = 0;
        let failures = 0;
        const total = items.length;
        const canStart = () => toleratesFailures(completion, failures, total);
        const decided = () =>
          completed === total || (completion?.minSuccessful !== undefined && successes >= completion.minSuccessful) || !canStart();
        const finish = () =>
          resolve(
            new BatchResultImpl(
              results.filter((r): r is BatchItem<O> => r !== undefined).map((r) => ({ ...r })),
              completionReason(completion, { successes, failures, completed, total }),
            ),
          );
        const onSettled = () => {
          active--;
          completed++;
          if (decided()) finish();
          else startMore();
        };
        const startMore = () => {
          while (active < (max || Infinity) && next < total && canStart()) {
            const index = next++;
            const item = items[index]!;
            active++;
            results[index] = { index, status: BatchItemStatus.STARTED };
            batch
              .runInChildContext<O>(item.name, (ctx) => item.run(ctx), {
                subType: itemSubType,
                ...(config?.itemSerdes && { serdes: config.itemSerdes }),
              })
              .then(
                (result) => {
                  results[index] = { result, index, status: BatchItemStatus.SUCCEEDED };
                  successes++;
                  onSettled();
                },
                (error: unknown) => {
                  const err = error instanceof ChildContextError ? error : new ChildContextError(String((error as Error)?.message ?? error), error as Error);
                  results[index] = { error: err, index, status: BatchItemStatus.FAILED };
                  failures++;
                  onSettled();
                },
              );
          }
        };
        if (total === 0) finish();
        else startMore();
      });
    return (this as DurableContext).runInChildContext<BatchResult<O>>(name, body, {
      subType,
      serdes: (config?.serdes ?? batchResultSerdes) as Serdes<BatchResult<O>>,
    });
  }
}
