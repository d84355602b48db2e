import type { DurableConfig } from "../protocol/index.js";
import { EngineRun } from "./engine-run.js";
import { ExecutionTracker } from "./execution-tracker.js";
import { FunctionTable, type DurableFunctionHandler } from "./function-table.js";
import { historyDirectory, writeRunHistory } from "./history-files.js";
import { OperationLookup } from "./operation-lookup.js";
import { OperationHandle, type CallbackSender } from "./operation-handle.js";
import type { OperationSelector } from "./operation-index.js";
import type { Handler } from "./plain-handler.js";
import { createTestResult } from "./test-result.js";
import { currentTestName } from "./test-name.js";
import type { DurableOperation, DurableTestRunner, InvokeRequest, TestResult } from "./types.js";

/** How the local runner is made: the official parameters, and a few of Durable Lens's own. */
export interface LocalDurableTestRunnerParameters {
  handlerFunction: DurableFunctionHandler;
  /** The function's name in ARNs and history file names; "durable-function" unless given. */
  functionName?: string;
  /** The function's DurableConfig, e.g. an ExecutionTimeout longer than Lambda's default day. */
  durableConfig?: DurableConfig;
  /** Where to write each run's history; overrides setupTestEnvironment and DURABLE_LENS_HISTORY_DIR. */
  historyDir?: string;
}

/** How the test environment runs every local runner. */
export interface LocalDurableTestRunnerSetupParameters {
  /** Skip waits, retry delays and polling intervals (virtual time); false runs in real time. */
  skipTime?: boolean;
  /** Real milliseconds every checkpoint takes, to shake out races. */
  checkpointDelay?: number;
  /** Where to write each run's history as JSON for Durable Lens; DURABLE_LENS_HISTORY_DIR otherwise. */
  historyDir?: string;
}

const DEFAULT_FUNCTION_NAME = "durable-function";

let environment: LocalDurableTestRunnerSetupParameters = {};

/**
 * Runs a durable handler in this process on Durable Lens's engine (memory store, virtual or real
 * clock), so a test sees the history Lambda would write, event for event. The API is the one of
 * `@aws/durable-execution-sdk-js-testing`'s LocalDurableTestRunner: switching is a change of import.
 * The result type defaults to `any`, as in the official library, so tests written for it compile unchanged.
 *
 * @example const execution = await new LocalDurableTestRunner({ handlerFunction: handler }).run({ payload: { id: 1 } });
 */
export class LocalDurableTestRunner<TResult = any> extends OperationLookup implements DurableTestRunner<DurableOperation, TResult> {
  private readonly functions = new FunctionTable();
  private readonly functionName: string;
  private lastRun: EngineRun | undefined;
  private readonly callbacks: CallbackSender;

  constructor(private readonly params: LocalDurableTestRunnerParameters) {
    super();
    this.functionName = params.functionName ?? DEFAULT_FUNCTION_NAME;
    this.functions.addDurable(this.functionName, params.handlerFunction, params.durableConfig);
    const run = () => {
      if (!this.lastRun) throw new Error("No execution has been started: call run() before answering a callback");
      return this.lastRun;
    };
    this.callbacks = {
      succeed: (id, result) => run().sendCallbackSuccess(id, result),
      fail: (id, error) => run().sendCallbackFailure(id, error),
      heartbeat: (id) => run().sendCallbackHeartbeat(id),
    };
  }

  /**
   * Sets how every local runner runs: with `skipTime`, waits and retry delays take no time.
   *
   * @example beforeAll(() => LocalDurableTestRunner.setupTestEnvironment({ skipTime: true }));
   */
  static async setupTestEnvironment(params: LocalDurableTestRunnerSetupParameters = {}): Promise<void> {
    environment = { ...params };
  }

  /**
   * Back to the defaults (real time, no checkpoint delay).
   *
   * @example afterAll(() => LocalDurableTestRunner.teardownTestEnvironment());
   */
  static async teardownTestEnvironment(): Promise<void> {
    environment = {};
  }

  /**
   * Starts an execution with `params.payload` and resolves when it has ended.
   *
   * @example const execution = await runner.run({ payload: { orderId: "1" } }); execution.getStatus() // "SUCCEEDED"
   */
  async run(params?: InvokeRequest): Promise<TestResult<TResult>> {
    this.lastRun?.close();
    const run = new EngineRun({ functions: this.functions, skipTime: environment.skipTime ?? false, checkpointDelayMs: environment.checkpointDelay ?? 0 });
    this.lastRun = run;
    const index = this.index;
    const tracker = new ExecutionTracker(run.store, () => index);
    try {
      const arn = run.start(this.functionName, params?.payload === undefined ? "{}" : JSON.stringify(params.payload));
      tracker.follow(arn);
      const outcome = await run.finish(arn);
      tracker.flush();
      const events = run.history(arn);
      const dir = historyDirectory(this.params.historyDir ?? environment.historyDir);
      if (dir) {
        const testName = currentTestName();
        await writeRunHistory(dir, { functionName: this.functionName, status: outcome.status, executionArn: arn, ...(testName && { testName }) }, events);
      }
      return createTestResult<TResult>(outcome, events, () => index.all().map((e) => this.handle({ id: e.operation.Id }, index)));
    } finally {
      index.rejectWaiters();
    }
  }

  /**
   * Makes a durable function the target of `context.invoke(..., functionName, ...)`.
   *
   * @example runner.registerDurableFunction("tax-calculator", taxCalculator)
   */
  registerDurableFunction(functionName: string, durableHandler: DurableFunctionHandler): this {
    this.functions.addDurable(functionName, durableHandler);
    return this;
  }

  /**
   * Makes a plain Lambda handler the target of `context.invoke(..., functionName, ...)`.
   *
   * @example runner.registerFunction("send-mail", async (event) => ({ sent: true }))
   */
  registerFunction(functionName: string, handler: Handler): this {
    this.functions.addPlain(functionName, handler);
    return this;
  }

  protected handle<T>(selector: OperationSelector, index = this.index): OperationHandle<T> {
    return new OperationHandle<T>({ index, selector, callbacks: this.callbacks });
  }

  /**
   * The `index`-th operation named `name` (the first by default), filled in as the execution runs.
   *
   * @example const charge = runner.getOperation("charge-payment");
   */
  getOperation<TOperationResult = any>(name: string, index = 0): DurableOperation<TOperationResult> {
    return this.handle({ name, index });
  }
}
