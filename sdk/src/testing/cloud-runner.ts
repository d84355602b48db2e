import {
  InvocationType,
  InvokeCommand,
  LambdaClient,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
} from "@aws-sdk/client-lambda";
import { parseFunctionName } from "../protocol/index.js";
import { historyDirectory, writeRunHistory } from "./history-files.js";
import { HistoryPoller, outcomeOf } from "./history-poller.js";
import { OperationLookup } from "./operation-lookup.js";
import { OperationHandle, type CallbackSender } from "./operation-handle.js";
import type { OperationSelector } from "./operation-index.js";
import { operationsFromEvents } from "./operations-from-events.js";
import { createTestResult } from "./test-result.js";
import { currentTestName } from "./test-name.js";
import type { DurableOperation, DurableTestRunner, InvokeRequest, TestResult } from "./types.js";

/** How the cloud runner invokes and polls. */
export interface CloudDurableTestRunnerConfig {
  /** Milliseconds between history reads; 1000 by default. */
  pollInterval?: number;
  /** RequestResponse (default) returns when the execution ends; Event returns at once, so operations can be awaited mid-run. */
  invocationType?: InvocationType;
  /** Where to write each run's history; DURABLE_LENS_HISTORY_DIR otherwise. */
  historyDir?: string;
}

export interface CloudDurableTestRunnerParameters {
  /** Name, `name:qualifier` or ARN of the deployed durable function. */
  functionName: string;
  /** The client to call Lambda (or the local service) with; `new LambdaClient()` by default. */
  client?: LambdaClient;
  config?: CloudDurableTestRunnerConfig;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a deployed durable function through Lambda's API (AWS, or Durable Lens's local service
 * with `endpoint`): invokes it, reads its history until it ends, and offers the same result and
 * operation API as {@link LocalDurableTestRunner}, callbacks answered through the real API.
 * The result type defaults to `any`, as in the official library, so tests written for it compile unchanged.
 *
 * @example const execution = await new CloudDurableTestRunner({ functionName: "order-processor:$LATEST" }).run({ payload: { orderId: "1" } });
 */
export class CloudDurableTestRunner<TResult = any> extends OperationLookup implements DurableTestRunner<DurableOperation, TResult> {
  private readonly functionName: string;
  private readonly client: LambdaClient;
  private readonly config: Required<Omit<CloudDurableTestRunnerConfig, "historyDir">> & Pick<CloudDurableTestRunnerConfig, "historyDir">;
  private readonly callbacks: CallbackSender;

  constructor({ functionName, client, config }: CloudDurableTestRunnerParameters) {
    super();
    this.functionName = functionName;
    this.client = client ?? new LambdaClient();
    this.config = { pollInterval: 1000, invocationType: InvocationType.RequestResponse, ...config };
    const bytes = (text: string | undefined) => (text === undefined ? undefined : new TextEncoder().encode(text));
    this.callbacks = {
      succeed: (CallbackId, result) => this.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId, Result: bytes(result) })),
      fail: (CallbackId, error) => this.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId, Error: error })),
      heartbeat: (CallbackId) => this.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId })),
    };
  }

  /**
   * Invokes the function with `params.payload` and resolves when the execution has ended.
   *
   * @example const execution = await runner.run({ payload: { userId: "123" } }); execution.getStatus()
   */
  async run(params?: InvokeRequest): Promise<TestResult<TResult>> {
    const invoked = await this.client.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: this.config.invocationType,
        ...(params?.payload !== undefined && { Payload: new TextEncoder().encode(JSON.stringify(params.payload)) }),
      }),
    );
    const arn = invoked.DurableExecutionArn;
    if (!arn) throw new Error("No execution ARN found on invocation response. Is the function specified a durable function?");
    const index = this.index;
    const poller = new HistoryPoller(this.client, arn);
    try {
      for (;;) {
        const events = await poller.poll();
        index.update(operationsFromEvents(events));
        const outcome = outcomeOf(events);
        if (outcome) {
          const dir = historyDirectory(this.config.historyDir);
          if (dir) {
            const testName = currentTestName();
            const functionName = parseFunctionName(this.functionName)?.name ?? this.functionName;
            await writeRunHistory(dir, { functionName, status: outcome.status, executionArn: arn, ...(testName && { testName }) }, events);
          }
          return createTestResult<TResult>(outcome, events, () => index.all().map((e) => this.handle({ id: e.operation.Id }, index)));
        }
        await sleep(this.config.pollInterval);
      }
    } finally {
      index.rejectWaiters();
    }
  }

  protected handle<T>(selector: OperationSelector, index = this.index): OperationHandle<T> {
    return new OperationHandle<T>({
      index,
      selector,
      callbacks: this.callbacks,
      checkCanWait: () => {
        // A synchronous invoke returns only when the execution has ended: there is nothing left to wait for.
        if (this.config.invocationType !== InvocationType.Event) {
          throw new Error(`InvocationType.${this.config.invocationType} cannot wait for operation data. Use InvocationType.Event to wait for operation data.`);
        }
      },
    });
  }

  /**
   * The first operation named `name`.
   *
   * @example runner.getOperation("process-user").getStepDetails()
   */
  getOperation<TOperationResult = any>(name: string): DurableOperation<TOperationResult> {
    return this.handle({ name, index: 0 });
  }
}
