/**
 * The public shapes of the test runners, the same as `@aws/durable-execution-sdk-js-testing`
 * declares them, so tests written for it compile and run against ours unchanged.
 */
import type {
  SendDurableExecutionCallbackFailureResponse,
  SendDurableExecutionCallbackHeartbeatResponse,
  SendDurableExecutionCallbackSuccessResponse,
} from "@aws-sdk/client-lambda";
import type { ErrorObject, Event, ExecutionStatus, Operation, OperationStatus, OperationType } from "../protocol/index.js";
import type { OperationSubType } from "../runtime/index.js";

/**
 * What {@link DurableOperation.waitForData} waits for.
 *
 * @example await runner.getOperation("approval").waitForData(WaitingOperationStatus.SUBMITTED)
 */
export enum WaitingOperationStatus {
  /** The operation exists, in any status. */
  STARTED = "STARTED",
  /** Like COMPLETED, except for waitForCallback, where the submitter has finished: the callback can be answered. */
  SUBMITTED = "SUBMITTED",
  /** The operation ended: CANCELLED, FAILED, STOPPED, SUCCEEDED or TIMED_OUT. */
  COMPLETED = "COMPLETED",
}

/** An error of the execution or of one operation, as a test reads it. */
export interface TestResultError {
  errorMessage: string | undefined;
  errorType: string | undefined;
  errorData: string | undefined;
  stackTrace: string[] | undefined;
}

/** The outcome of a child context (runInChildContext, map, parallel, waitForCallback). */
export interface ContextDetails<TResult = unknown> {
  readonly result: TResult | undefined;
  readonly error: TestResultError | undefined;
}

/** The outcome of a step so far: its attempts and, while it waits to retry, when it runs next. */
export interface StepDetails<TResult = unknown> {
  readonly attempt: number | undefined;
  readonly nextAttemptTimestamp: Date | undefined;
  readonly result: TResult | undefined;
  readonly error: TestResultError | undefined;
}

/** A callback's id (to answer it with) and, once answered, its outcome. */
export interface CallbackDetails<TResult = unknown> {
  readonly callbackId: string;
  readonly error?: TestResultError;
  readonly result?: TResult;
}

/** The outcome of a chained invoke. */
export interface ChainedInvokeDetails<TResult = unknown> {
  readonly error?: TestResultError;
  readonly result?: TResult;
}

/** How long a wait waits and when it ends. */
export interface WaitResultDetails {
  readonly waitSeconds?: number;
  readonly scheduledEndTimestamp?: Date;
}

/**
 * One operation of the execution under test, found by name, position or id. It may be taken
 * before the run starts; its data fills in as the execution checkpoints.
 *
 * @example const approval = runner.getOperation("approval"); await approval.waitForData(); await approval.sendCallbackSuccess("{}");
 */
export interface DurableOperation<TResult = any> {
  /** Resolves once the operation has reached `status` (default STARTED); rejects if the execution ends first. */
  waitForData(status?: WaitingOperationStatus): Promise<DurableOperation<TResult>>;
  /** @throws when the operation is not a CONTEXT */
  getContextDetails(): ContextDetails<TResult> | undefined;
  /** @throws when the operation is not a STEP */
  getStepDetails(): StepDetails<TResult> | undefined;
  /** @throws when the operation is not a CHAINED_INVOKE */
  getChainedInvokeDetails(): ChainedInvokeDetails<TResult> | undefined;
  /** For a CALLBACK, or a waitForCallback context (through its CALLBACK child). */
  getCallbackDetails(): CallbackDetails<TResult> | undefined;
  /** @throws when the operation is not a WAIT */
  getWaitDetails(): WaitResultDetails | undefined;
  getChildOperations(): DurableOperation[] | undefined;
  getOperationData(): Operation | undefined;
  getEvents(): Event[] | undefined;
  getId(): string | undefined;
  getParentId(): string | undefined;
  getName(): string | undefined;
  getType(): OperationType | undefined;
  getSubType(): OperationSubType | undefined;
  isWaitForCallback(): boolean;
  isCallback(): boolean;
  getStatus(): OperationStatus | undefined;
  getStartTimestamp(): Date | undefined;
  getEndTimestamp(): Date | undefined;
  /** Completes the callback with `result` as its raw result string. */
  sendCallbackSuccess(result?: string): Promise<SendDurableExecutionCallbackSuccessResponse>;
  sendCallbackFailure(error?: ErrorObject): Promise<SendDurableExecutionCallbackFailureResponse>;
  sendCallbackHeartbeat(): Promise<SendDurableExecutionCallbackHeartbeatResponse>;
}

/** What a run starts the execution with. */
export interface InvokeRequest {
  /** Serialized with JSON.stringify; no payload means `{}`, as Lambda invokes with an empty body. */
  payload?: unknown;
}

/** One invocation of the handler, from the history's InvocationCompleted events. */
export interface Invocation {
  startTimestamp: Date | undefined;
  endTimestamp: Date | undefined;
  requestId: string | undefined;
  error: TestResultError | undefined;
}

/** Which columns {@link TestResult.print} shows (all by default). */
export interface PrintConfig {
  parentId?: boolean;
  name?: boolean;
  type?: boolean;
  subType?: boolean;
  status?: boolean;
  startTime?: boolean;
  endTime?: boolean;
  duration?: boolean;
}

/**
 * The ended execution: its status, result or error, operations, invocations and history.
 *
 * @example expect((await runner.run()).getResult()).toEqual({ ok: true })
 */
export interface TestResult<TResult = any> {
  getOperations(params?: { status: OperationStatus }): DurableOperation[];
  getInvocations(): Invocation[];
  getStatus(): ExecutionStatus | undefined;
  /** The parsed result; throws an Error with the execution's message when it did not succeed. */
  getResult(): TResult | undefined;
  /** The execution's error; throws when it succeeded. */
  getError(): TestResultError;
  /** Every event of the execution's history, in order. */
  getHistoryEvents(): Event[];
  print(config?: PrintConfig): void;
}

/** What both runners offer. */
export interface DurableTestRunner<TDurableOperation extends DurableOperation, ResultType> {
  run(params?: InvokeRequest): Promise<TestResult<ResultType>>;
  getOperation(name: string): TDurableOperation;
  getOperationByIndex(index: number): TDurableOperation;
  getOperationByNameAndIndex(name: string, index: number): TDurableOperation;
  getOperationById(id: string): TDurableOperation;
}
