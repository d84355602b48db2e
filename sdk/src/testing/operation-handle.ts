import type {
  SendDurableExecutionCallbackFailureResponse,
  SendDurableExecutionCallbackHeartbeatResponse,
  SendDurableExecutionCallbackSuccessResponse,
} from "@aws-sdk/client-lambda";
import type { ErrorObject, Event, Operation, OperationStatus, OperationType } from "../protocol/index.js";
import { OperationSubType } from "../runtime/index.js";
import { statusReached, type OperationEvents, type OperationIndex, type OperationSelector } from "./operation-index.js";
import {
  WaitingOperationStatus,
  type CallbackDetails,
  type ChainedInvokeDetails,
  type ContextDetails,
  type DurableOperation,
  type StepDetails,
  type WaitResultDetails,
} from "./types.js";
import { toTestResultError, tryJsonParse } from "./values.js";

/** Where a handle's callback answers go: the engine in process, or Lambda's API. */
export interface CallbackSender {
  succeed(callbackId: string, result: string | undefined): Promise<SendDurableExecutionCallbackSuccessResponse>;
  fail(callbackId: string, error: ErrorObject | undefined): Promise<SendDurableExecutionCallbackFailureResponse>;
  heartbeat(callbackId: string): Promise<SendDurableExecutionCallbackHeartbeatResponse>;
}

export interface HandleOptions {
  index: OperationIndex;
  selector: OperationSelector;
  callbacks: CallbackSender;
  /** Throws when this runner cannot wait for operation data (a cloud run invoked synchronously). */
  checkCanWait?: () => void;
}

const isWaitForCallback = (op: Operation | undefined) => op?.Type === "CONTEXT" && op.SubType === OperationSubType.WAIT_FOR_CALLBACK;

/**
 * A test's view of one operation. It looks its data up in the index on every call, so a
 * handle taken before the run fills in as the execution checkpoints.
 * The result type defaults to `any`, as in the official library, so tests written for it compile unchanged.
 *
 * @example const step = new OperationHandle({ index, selector: { name: "charge", index: 0 }, callbacks }); step.getStepDetails()
 */
export class OperationHandle<TResult = any> implements DurableOperation<TResult> {
  constructor(private readonly options: HandleOptions) {}

  private data(): OperationEvents | undefined {
    return this.options.index.find(this.options.selector);
  }

  private typed(type: OperationType): Operation | undefined {
    const op = this.data()?.operation;
    if (op && op.Type !== type) throw new Error(`Operation type ${op.Type} is not ${type}`);
    return op;
  }

  /** A waitForCallback context counts as submitted once its submitter step ended and as completed once its callback did. */
  private reached(expected: WaitingOperationStatus): boolean {
    const op = this.data()?.operation;
    if (!isWaitForCallback(op)) return statusReached(op?.Status, expected);
    if (expected === WaitingOperationStatus.STARTED || statusReached(op!.Status, WaitingOperationStatus.COMPLETED)) return true;
    const children = this.options.index.children(op!.Id).map((c) => c.operation);
    if (statusReached(children.find((c) => c.Type === "CALLBACK")?.Status, WaitingOperationStatus.COMPLETED)) return true;
    return expected === WaitingOperationStatus.SUBMITTED && statusReached(children.find((c) => c.Type === "STEP")?.Status, WaitingOperationStatus.COMPLETED);
  }

  async waitForData(status: WaitingOperationStatus = WaitingOperationStatus.STARTED): Promise<OperationHandle<TResult>> {
    this.options.checkCanWait?.();
    await this.options.index.waitUntil(() => this.reached(status), status);
    return this;
  }

  getContextDetails(): ContextDetails<TResult> | undefined {
    const op = this.typed("CONTEXT");
    return op && { result: tryJsonParse<TResult>(op.ContextDetails?.Result), error: toTestResultError(op.ContextDetails?.Error) };
  }

  getStepDetails(): StepDetails<TResult> | undefined {
    const op = this.typed("STEP");
    if (!op) return undefined;
    const d = op.StepDetails;
    return { attempt: d?.Attempt, nextAttemptTimestamp: d?.NextAttemptTimestamp, result: tryJsonParse<TResult>(d?.Result), error: toTestResultError(d?.Error) };
  }

  getChainedInvokeDetails(): ChainedInvokeDetails<TResult> | undefined {
    const op = this.typed("CHAINED_INVOKE");
    if (!op) return undefined;
    const d = op.ChainedInvokeDetails;
    let result: TResult | undefined;
    try {
      result = d?.Result ? (JSON.parse(d.Result) as TResult) : undefined;
    } catch (cause) {
      throw new Error("Could not parse result for invoke details", { cause });
    }
    return { error: toTestResultError(d?.Error), result };
  }

  getCallbackDetails(): CallbackDetails<TResult> | undefined {
    const op = this.data()?.operation;
    if (!op) return undefined;
    let callback: Operation | undefined = op;
    if (isWaitForCallback(op)) {
      callback = this.options.index.children(op.Id).find((c) => c.operation.Type === "CALLBACK")?.operation;
      if (!callback) throw new Error("Could not find CALLBACK operation in WAIT_FOR_CALLBACK context");
    } else if (op.Type !== "CALLBACK") {
      throw new Error(`Operation with Type ${op.Type} and SubType ${op.SubType} is not a valid callback`);
    }
    const d = callback.CallbackDetails;
    if (d?.CallbackId === undefined) throw new Error("Could not find callback ID in callback details");
    return { callbackId: d.CallbackId, error: toTestResultError(d.Error), result: tryJsonParse<TResult>(d.Result) };
  }

  getWaitDetails(): WaitResultDetails | undefined {
    if (!this.typed("WAIT")) return undefined;
    const details = this.data()!.events.find((e) => e.EventType === "WaitStarted")?.WaitStartedDetails;
    if (!details) throw new Error("First wait event does not have WaitStartedDetails");
    return { waitSeconds: details.Duration, scheduledEndTimestamp: details.ScheduledEndTimestamp };
  }

  getChildOperations(): OperationHandle[] | undefined {
    const op = this.data()?.operation;
    if (!op) return undefined;
    return this.options.index.children(op.Id).map((c) => new OperationHandle({ ...this.options, selector: { id: c.operation.Id } }));
  }

  getOperationData(): Operation | undefined {
    return this.data()?.operation;
  }

  getEvents(): Event[] | undefined {
    return this.data()?.events;
  }

  getId(): string | undefined {
    return this.data()?.operation.Id;
  }

  getParentId(): string | undefined {
    return this.data()?.operation.ParentId;
  }

  getName(): string | undefined {
    return this.data()?.operation.Name;
  }

  getType(): OperationType | undefined {
    return this.data()?.operation.Type;
  }

  getSubType(): OperationSubType | undefined {
    return this.data()?.operation.SubType as OperationSubType | undefined;
  }

  isWaitForCallback(): boolean {
    return isWaitForCallback(this.data()?.operation);
  }

  isCallback(): boolean {
    return this.getType() === "CALLBACK";
  }

  getStatus(): OperationStatus | undefined {
    return this.data()?.operation.Status;
  }

  getStartTimestamp(): Date | undefined {
    return this.data()?.operation.StartTimestamp;
  }

  getEndTimestamp(): Date | undefined {
    return this.data()?.operation.EndTimestamp;
  }

  private callbackId(): string {
    const details = this.getCallbackDetails();
    if (!details) throw new Error("Could not find callback details");
    return details.callbackId;
  }

  sendCallbackSuccess(result?: string): Promise<SendDurableExecutionCallbackSuccessResponse> {
    return this.options.callbacks.succeed(this.callbackId(), result);
  }

  sendCallbackFailure(error?: ErrorObject): Promise<SendDurableExecutionCallbackFailureResponse> {
    return this.options.callbacks.fail(this.callbackId(), error);
  }

  sendCallbackHeartbeat(): Promise<SendDurableExecutionCallbackHeartbeatResponse> {
    return this.options.callbacks.heartbeat(this.callbackId());
  }
}
