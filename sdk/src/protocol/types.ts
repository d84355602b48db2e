/**
 * Wire shapes of Lambda's durable-execution API, defined once for the whole product.
 *
 * Timestamps are `Date` here, as `@aws-sdk/client-lambda` hands them out; the JSON codecs
 * in `./codec.ts` convert to and from the wire forms (epoch seconds in API bodies, epoch
 * milliseconds in the invocation event, ISO strings in recorded history files).
 */

/** Builds a frozen `{ VALUE: "VALUE" }` object so enum members read like the JS SDK's enums. */
function literals<const T extends readonly string[]>(...values: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T[number]]: K };
}

export const OperationType = literals("EXECUTION", "CONTEXT", "STEP", "WAIT", "CALLBACK", "CHAINED_INVOKE");
export type OperationType = keyof typeof OperationType;

export const OperationStatus = literals(
  "STARTED",
  "PENDING",
  "READY",
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
  "TIMED_OUT",
  "STOPPED",
);
export type OperationStatus = keyof typeof OperationStatus;

export const OperationAction = literals("START", "SUCCEED", "FAIL", "RETRY", "CANCEL");
export type OperationAction = keyof typeof OperationAction;

export const ExecutionStatus = literals("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "STOPPED");
export type ExecutionStatus = keyof typeof ExecutionStatus;

export const EventType = literals(
  "ExecutionStarted",
  "ExecutionSucceeded",
  "ExecutionFailed",
  "ExecutionTimedOut",
  "ExecutionStopped",
  "ContextStarted",
  "ContextSucceeded",
  "ContextFailed",
  "WaitStarted",
  "WaitSucceeded",
  "WaitCancelled",
  "StepStarted",
  "StepSucceeded",
  "StepFailed",
  "ChainedInvokeStarted",
  "ChainedInvokeSucceeded",
  "ChainedInvokeFailed",
  "ChainedInvokeTimedOut",
  "ChainedInvokeStopped",
  "CallbackStarted",
  "CallbackSucceeded",
  "CallbackFailed",
  "CallbackTimedOut",
  "InvocationCompleted",
);
export type EventType = keyof typeof EventType;

/**
 * Sub types the JS SDK writes. The API itself treats `SubType` as a free string
 * (1-32 chars of `[a-zA-Z0-9-_]`), so fields typed with it also accept other strings.
 */
export const OperationSubType = literals(
  "Step",
  "Wait",
  "Callback",
  "RunInChildContext",
  "Map",
  "MapIteration",
  "Parallel",
  "ParallelBranch",
  "WaitForCallback",
  "WaitForCondition",
  "ChainedInvoke",
);
export type OperationSubType = keyof typeof OperationSubType;

export interface ErrorObject {
  ErrorMessage?: string;
  ErrorType?: string;
  ErrorData?: string;
  StackTrace?: string[];
}

export interface ExecutionDetails {
  InputPayload?: string;
}
export interface ContextDetails {
  ReplayChildren?: boolean;
  Result?: string;
  Error?: ErrorObject;
}
export interface StepDetails {
  Attempt?: number;
  NextAttemptTimestamp?: Date;
  Result?: string;
  Error?: ErrorObject;
}
export interface WaitDetails {
  ScheduledEndTimestamp?: Date;
}
export interface CallbackDetails {
  CallbackId?: string;
  Result?: string;
  Error?: ErrorObject;
}
export interface ChainedInvokeDetails {
  Result?: string;
  Error?: ErrorObject;
}

/** One entry of an execution's operation table, as the service returns it. */
export interface Operation {
  Id: string;
  ParentId?: string;
  Name?: string;
  Type: OperationType;
  SubType?: string;
  StartTimestamp: Date;
  EndTimestamp?: Date;
  Status: OperationStatus;
  ExecutionDetails?: ExecutionDetails;
  ContextDetails?: ContextDetails;
  StepDetails?: StepDetails;
  WaitDetails?: WaitDetails;
  CallbackDetails?: CallbackDetails;
  ChainedInvokeDetails?: ChainedInvokeDetails;
}

export interface ContextOptions {
  ReplayChildren?: boolean;
}
export interface StepOptions {
  NextAttemptDelaySeconds?: number;
}
export interface WaitOptions {
  WaitSeconds?: number;
}
export interface CallbackOptions {
  TimeoutSeconds?: number;
  HeartbeatTimeoutSeconds?: number;
}
export interface ChainedInvokeOptions {
  FunctionName: string;
  TenantId?: string;
  XAmznTraceId?: string;
}

/** One change the SDK asks the service to make, sent in a checkpoint. */
export interface OperationUpdate {
  Id: string;
  ParentId?: string;
  Name?: string;
  Type: OperationType;
  SubType?: string;
  Action: OperationAction;
  Payload?: string;
  Error?: ErrorObject;
  ContextOptions?: ContextOptions;
  StepOptions?: StepOptions;
  WaitOptions?: WaitOptions;
  CallbackOptions?: CallbackOptions;
  ChainedInvokeOptions?: ChainedInvokeOptions;
}

export interface CheckpointDurableExecutionRequest {
  DurableExecutionArn: string;
  CheckpointToken: string;
  Updates?: OperationUpdate[];
  ClientToken?: string;
}
export interface CheckpointUpdatedExecutionState {
  Operations?: Operation[];
  NextMarker?: string;
}
export interface CheckpointDurableExecutionResponse {
  CheckpointToken?: string;
  NewExecutionState: CheckpointUpdatedExecutionState;
}

export interface GetDurableExecutionStateRequest {
  DurableExecutionArn: string;
  CheckpointToken: string;
  Marker?: string;
  MaxItems?: number;
}
export interface GetDurableExecutionStateResponse {
  Operations: Operation[];
  NextMarker?: string;
}

export interface TraceHeader {
  XAmznTraceId?: string;
}
export interface DurableConfig {
  KMSKeyArn?: string;
  RetentionPeriodInDays?: number;
  ExecutionTimeout?: number;
}

export interface GetDurableExecutionRequest {
  DurableExecutionArn: string;
  IncludeExecutionData?: boolean;
}
export interface GetDurableExecutionResponse {
  DurableExecutionArn: string;
  DurableExecutionName: string;
  FunctionArn: string;
  StartTimestamp: Date;
  Status: ExecutionStatus;
  InputPayload?: string;
  Result?: string;
  Error?: ErrorObject;
  EndTimestamp?: Date;
  Version?: string;
  TraceHeader?: TraceHeader;
  ExecutionDataIncluded?: boolean;
  DurableConfig?: DurableConfig;
}

/** An execution as listed by ListDurableExecutionsByFunction. */
export interface Execution {
  DurableExecutionArn: string;
  DurableExecutionName: string;
  FunctionArn: string;
  Status: ExecutionStatus;
  StartTimestamp: Date;
  EndTimestamp?: Date;
  KMSKeyArn?: string;
}

export interface ListDurableExecutionsByFunctionRequest {
  FunctionName: string;
  Qualifier?: string;
  DurableExecutionName?: string;
  Statuses?: ExecutionStatus[];
  StartedAfter?: Date;
  StartedBefore?: Date;
  ReverseOrder?: boolean;
  Marker?: string;
  MaxItems?: number;
}
export interface ListDurableExecutionsByFunctionResponse {
  DurableExecutions?: Execution[];
  NextMarker?: string;
}

export interface GetDurableExecutionHistoryRequest {
  DurableExecutionArn: string;
  IncludeExecutionData?: boolean;
  MaxItems?: number;
  Marker?: string;
  ReverseOrder?: boolean;
}
export interface GetDurableExecutionHistoryResponse {
  Events: Event[];
  NextMarker?: string;
}

export interface StopDurableExecutionRequest {
  DurableExecutionArn: string;
  Error?: ErrorObject;
}
export interface StopDurableExecutionResponse {
  StopTimestamp: Date;
}

// ---- history events ----
// Required members are required as in Lambda's model; histories from elsewhere are checked
// by the history parser before they are typed as these.

export interface EventInput {
  Payload?: string;
  Truncated?: boolean;
}
export interface EventResult {
  Payload?: string;
  Truncated?: boolean;
}
export interface EventError {
  Payload?: ErrorObject;
  Truncated?: boolean;
}
export interface RetryDetails {
  CurrentAttempt?: number;
  NextAttemptDelaySeconds?: number;
}

export interface ExecutionStartedDetails {
  Input: EventInput;
  ExecutionTimeout: number;
}
export interface ExecutionSucceededDetails {
  Result: EventResult;
}
export interface ExecutionFailedDetails {
  Error: EventError;
}
export interface ExecutionTimedOutDetails {
  Error?: EventError;
}
export interface ExecutionStoppedDetails {
  Error: EventError;
}
export type ContextStartedDetails = Record<string, never>;
export interface ContextSucceededDetails {
  Result: EventResult;
}
export interface ContextFailedDetails {
  Error: EventError;
}
export interface WaitStartedDetails {
  Duration: number;
  ScheduledEndTimestamp: Date;
}
export interface WaitSucceededDetails {
  Duration?: number;
}
export interface WaitCancelledDetails {
  Error?: EventError;
}
export type StepStartedDetails = Record<string, never>;
export interface StepSucceededDetails {
  Result: EventResult;
  RetryDetails: RetryDetails;
}
export interface StepFailedDetails {
  Error: EventError;
  RetryDetails: RetryDetails;
}
export interface ChainedInvokeStartedDetails {
  FunctionName: string;
  TenantId?: string;
  Input?: EventInput;
  ExecutedVersion?: string;
  DurableExecutionArn?: string;
}
export interface ChainedInvokeSucceededDetails {
  Result: EventResult;
}
export interface ChainedInvokeFailedDetails {
  Error: EventError;
}
export interface ChainedInvokeTimedOutDetails {
  Error: EventError;
}
export interface ChainedInvokeStoppedDetails {
  Error: EventError;
}
export interface CallbackStartedDetails {
  CallbackId: string;
  HeartbeatTimeout?: number;
  Timeout?: number;
}
export interface CallbackSucceededDetails {
  Result: EventResult;
}
export interface CallbackFailedDetails {
  Error: EventError;
}
export interface CallbackTimedOutDetails {
  Error: EventError;
}
export interface InvocationCompletedDetails {
  StartTimestamp: Date;
  EndTimestamp: Date;
  RequestId: string;
  Error?: EventError;
}

/** Maps each event type to the shape of its `<EventType>Details` member. */
export interface EventDetailsByType {
  ExecutionStarted: ExecutionStartedDetails;
  ExecutionSucceeded: ExecutionSucceededDetails;
  ExecutionFailed: ExecutionFailedDetails;
  ExecutionTimedOut: ExecutionTimedOutDetails;
  ExecutionStopped: ExecutionStoppedDetails;
  ContextStarted: ContextStartedDetails;
  ContextSucceeded: ContextSucceededDetails;
  ContextFailed: ContextFailedDetails;
  WaitStarted: WaitStartedDetails;
  WaitSucceeded: WaitSucceededDetails;
  WaitCancelled: WaitCancelledDetails;
  StepStarted: StepStartedDetails;
  StepSucceeded: StepSucceededDetails;
  StepFailed: StepFailedDetails;
  ChainedInvokeStarted: ChainedInvokeStartedDetails;
  ChainedInvokeSucceeded: ChainedInvokeSucceededDetails;
  ChainedInvokeFailed: ChainedInvokeFailedDetails;
  ChainedInvokeTimedOut: ChainedInvokeTimedOutDetails;
  ChainedInvokeStopped: ChainedInvokeStoppedDetails;
  CallbackStarted: CallbackStartedDetails;
  CallbackSucceeded: CallbackSucceededDetails;
  CallbackFailed: CallbackFailedDetails;
  CallbackTimedOut: CallbackTimedOutDetails;
  InvocationCompleted: InvocationCompletedDetails;
}

/** `{ StepFailedDetails?: StepFailedDetails, ... }` for every event type. */
export type EventDetailsMembers = {
  [K in EventType as `${K}Details`]?: EventDetailsByType[K];
};

/** One history event, as GetDurableExecutionHistory returns it. */
export interface Event extends EventDetailsMembers {
  EventType?: EventType;
  SubType?: string;
  EventId?: number;
  Id?: string;
  Name?: string;
  EventTimestamp?: Date;
  ParentId?: string;
}

// ---- the invocation contract between the service and the function ----

/** The event Lambda hands a durable function. */
export interface DurableExecutionInvocationInput {
  DurableExecutionArn: string;
  CheckpointToken: string;
  InitialExecutionState: {
    Operations: Operation[];
    NextMarker?: string;
  };
  /** Operations the service changed since the previous invocation (timers fired, callbacks answered). */
  UpdatedOperationIds?: string[];
}

export const InvocationStatus = literals("SUCCEEDED", "FAILED", "PENDING");
export type InvocationStatus = keyof typeof InvocationStatus;

/** What a durable function returns to the service at the end of one invocation. */
export type DurableExecutionInvocationOutput =
  | { Status: "SUCCEEDED"; Result?: string }
  | { Status: "FAILED"; Error?: ErrorObject }
  | { Status: "PENDING" };
