/**
 * The durable runtime: what users write durable functions with. Same export names as
 * `@aws/durable-execution-sdk-js` 2.4, so switching is a change of import.
 */
export { withDurableExecution } from "./with-durable-execution.js";
export type { DurableExecutionHandler, DurableLambdaHandler, DurableExecutionConfig } from "./with-durable-execution.js";
export { StepSemantics, NestingType } from "./context-types.js";
export type {
  DurableContext,
  DurablePromiseCombinators,
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
  ParallelBranchesResult,
  ConcurrencyConfig,
} from "./context-types.js";
export { DurablePromise } from "./durable-promise.js";
export { BatchItemStatus, CompletionOutcome, completeBatch, continueBatch } from "./batch.js";
export type {
  BatchItem,
  BatchResult,
  CompletionConfig,
  CompletionDecision,
  CompletionItemStatus,
  CompletionReason,
  CompletionStatus,
  CustomCompletionConfig,
  ThresholdCompletionConfig,
} from "./batch.js";
export type { Duration } from "./duration.js";
export {
  DurableOperationError,
  StepError,
  ChildContextError,
  CallbackError,
  CallbackExternalError,
  CallbackSubmitterError,
  CallbackTimeoutError,
  InvokeError,
  WaitForConditionError,
  PromiseCombinatorError,
  BatchCompletionError,
  StepInterruptedError,
  NonDeterministicExecutionError,
  DurableExecutionClientError,
  DurableExecutionClientErrorScope,
  isDurableExecutionClientError,
  PluginLoadError,
} from "./errors.js";
export { createRetryStrategy, createLinearRetryStrategy, createWaitStrategy, retryPresets, JitterStrategy } from "./retry.js";
export type {
  RetryDecision,
  RetryStrategyConfig,
  LinearRetryStrategyConfig,
  WaitForConditionDecision,
  WaitStrategyConfig,
} from "./retry.js";
export { withRetry } from "./with-retry.js";
export type { RetryableFunc, WithRetryConfig } from "./with-retry.js";
export { defaultSerdes, createClassSerdes, createClassSerdesWithDates } from "./serdes.js";
export type { Serdes, SerdesContext, SerdesConfig, AnySerdes, AnySerdesDeserializer } from "./serdes.js";
export { buildPreview, FieldMatchMode, PreviewMode } from "./preview.js";
export type { PreviewConfig, PreviewField } from "./preview.js";
export { refreshLogConfig } from "./logger.js";
export type { DurableLogger, DurableContextLogger, DurableLogData, DurableLoggingContext, LoggerConfig } from "./logger.js";
export {
  DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION,
  PluginInvocationStatus,
  PluginOperationStatus,
  AttemptEndInfoOutcome,
} from "./plugins.js";
export type {
  DurableInstrumentationPlugin,
  DurableInstrumentationPluginProvider,
  DurableInstrumentationPluginType,
  InvocationInfo,
  InvocationEndInfo,
  OperationInfo,
  OperationEndInfo,
  OperationChangeInfo,
  AttemptInfo,
  AttemptEndInfo,
} from "./plugins.js";
export {
  DurableExecutionApiClient,
  DurableExecutionInvocationInputWithClient,
  type DurableExecutionClient,
  type AttemptStandIn,
} from "./client.js";
export { InvocationStatus, OperationType, OperationStatus, OperationAction } from "../protocol/types.js";
export { OperationSubType, SDK_VERSION } from "./sdk-constants.js";
export type {
  DurableExecutionInvocationInput,
  DurableExecutionInvocationOutput,
  ErrorObject,
  Operation,
  OperationUpdate,
} from "../protocol/types.js";
export { hashOperationId } from "./operation-id.js";
export { createLambdaContext } from "./lambda-context.js";
export type { LambdaInvocationContext } from "./lambda-context.js";
export type { InvocationClock } from "./invocation-clock.js";
