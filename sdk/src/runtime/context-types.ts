/**
 * The public shape of a durable context and its operations' configs: same names and
 * signatures as the official SDK's, so handlers written for it type-check against ours.
 */
import type { DurableOperationError } from "./errors.js";
import type { DurablePromise } from "./durable-promise.js";
import type { Duration } from "./duration.js";
import type { DurableContextLogger, LoggerConfig } from "./logger.js";
import type { RetryDecision, WaitForConditionDecision } from "./retry.js";
import type { Serdes, SerdesConfig } from "./serdes.js";
import type { BatchResult, CompletionConfig } from "./batch.js";

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

/**
 * The result type of a list of parallel branches of different result types: the union of
 * what the functions return, as the official SDK infers it (a list mixing bare functions and
 * named branches infers `never`, there too).
 */
export type ParallelBranchesResult<Branches extends readonly unknown[]> =
  Branches[number] extends ParallelFunc<infer R> ? R : Branches[number] extends NamedParallelBranch<infer R> ? R : never;

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
  /** Branches of different result types: the result is a BatchResult of their union. */
  parallel<Branches extends readonly unknown[]>(
    name: string | undefined,
    branches: Branches,
    config?: ParallelConfig<ParallelBranchesResult<Branches>>,
  ): DurablePromise<BatchResult<ParallelBranchesResult<Branches>>>;
  parallel<Branches extends readonly unknown[]>(
    branches: Branches,
    config?: ParallelConfig<ParallelBranchesResult<Branches>>,
  ): DurablePromise<BatchResult<ParallelBranchesResult<Branches>>>;
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
