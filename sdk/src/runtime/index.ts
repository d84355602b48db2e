/**
 * The durable runtime: what users write durable functions with. Same export names as
 * `@aws/durable-execution-sdk-js`, so switching is a change of import.
 */
export { withDurableExecution } from "./with-durable-execution.js";
export type { DurableExecutionHandler, DurableLambdaHandler, DurableExecutionConfig } from "./with-durable-execution.js";
export { StepSemantics } from "./context.js";
export type {
  DurableContext,
  StepContext,
  StepConfig,
  StepFunc,
  ChildConfig,
  ChildFunc,
  LambdaContext,
  CreateCallbackConfig,
  CreateCallbackResult,
  WaitForCallbackConfig,
  WaitForCallbackSubmitterFunc,
  InvokeConfig,
  WaitForConditionConfig,
  WaitForConditionCheckFunc,
  MapConfig,
  MapFunc,
  ParallelConfig,
  ParallelFunc,
  NamedParallelBranch,
  ConcurrencyConfig,
} from "./context.js";
export { DurablePromise } from "./durable-promise.js";
export { BatchItemStatus } from "./batch.js";
export type { BatchItem, BatchResult, CompletionConfig, CompletionReason } from "./batch.js";
export type { Duration } from "./duration.js";
export {
  DurableOperationError,
  StepError,
  ChildContextError,
  CallbackError,
  CallbackTimeoutError,
  InvokeError,
  WaitForConditionError,
  StepInterruptedError,
  NonDeterministicExecutionError,
} from "./errors.js";
export { createRetryStrategy, createWaitStrategy, retryPresets, JitterStrategy } from "./retry.js";
export type { RetryDecision, RetryStrategyConfig, WaitForConditionDecision, WaitStrategyConfig } from "./retry.js";
export { defaultSerdes } from "./serdes.js";
export type { Serdes, SerdesContext } from "./serdes.js";
export type { DurableLogger, DurableContextLogger, DurableLogData } from "./logger.js";
export {
  DurableExecutionApiClient,
  DurableExecutionInvocationInputWithClient,
  type DurableExecutionClient,
} from "./client.js";
export { InvocationStatus } from "../protocol/types.js";
export type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "../protocol/types.js";
export { hashOperationId } from "./operation-id.js";
export { createLambdaContext } from "./lambda-context.js";
