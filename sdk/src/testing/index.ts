/**
 * Testing durable functions, with the API of `@aws/durable-execution-sdk-js-testing`: a local
 * runner on Durable Lens's engine in this process (exact histories, waits skipped on request)
 * and a cloud runner for deployed functions. Each run's history can be written to a folder
 * (DURABLE_LENS_HISTORY_DIR) that Durable Lens's open page lists. Node only.
 */
export { LocalDurableTestRunner } from "./local-runner.js";
export type { LocalDurableTestRunnerParameters, LocalDurableTestRunnerSetupParameters } from "./local-runner.js";
export { CloudDurableTestRunner } from "./cloud-runner.js";
export type { CloudDurableTestRunnerConfig, CloudDurableTestRunnerParameters } from "./cloud-runner.js";
export { WaitingOperationStatus } from "./types.js";
export type {
  CallbackDetails,
  ChainedInvokeDetails,
  ContextDetails,
  DurableOperation,
  DurableTestRunner,
  Invocation,
  InvokeRequest,
  PrintConfig,
  StepDetails,
  TestResult,
  TestResultError,
  WaitResultDetails,
} from "./types.js";
export type { Handler } from "./plain-handler.js";
export type { DurableFunctionHandler } from "./function-table.js";
export { HISTORY_DIR_ENV, historyFileName, writeRunHistory } from "./history-files.js";
export type { RunDescription } from "./history-files.js";
export { OperationStatus, OperationType } from "../protocol/index.js";
export type { Operation } from "../protocol/index.js";
export { ExecutionStatus, InvocationType } from "@aws-sdk/client-lambda";
/** The type of `checkpointDelay`, as the official library names it: milliseconds. */
export type CheckpointDelaySettings = number;
