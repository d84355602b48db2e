import type { ErrorObject, Event, ExecutionStatus, Operation } from "../protocol/index.js";

/** Everything the engine keeps about one execution besides its operations and events. */
export interface ExecutionRecord {
  arn: string;
  /** Insertion order; stable sort key for listings and paging. */
  seq: number;
  name: string;
  executionId: string;
  functionName: string;
  functionArn: string;
  version: string;
  status: ExecutionStatus;
  startMs: number;
  endMs?: number;
  inputPayload?: string;
  result?: string;
  error?: ErrorObject;
  executionTimeoutSeconds: number;
  /** Days its history stays readable after it ends (absent in records written before it existed). */
  retentionPeriodDays?: number;
  /** The token the next checkpoint must carry; absent while no invocation runs. */
  checkpointToken?: string;
  /** The invocation now running, if any. */
  invocation?: { requestId: string; startMs: number };
  /** Something the execution waits on completed while an invocation ran: invoke again after it. */
  wakePending: boolean;
  /** Failed invocations in a row; reset by any invocation that returns. */
  invocationFailures: number;
  /** A result the SDK checkpointed because it was too large for the Lambda response. */
  checkpointedResult?: { payload?: string; error?: ErrorObject };
  /** The CHAINED_INVOKE operation this execution answers, when another execution started it. */
  parent?: { arn: string; opId: string };
  /** Timers of callbacks still open, by operation id: kept here so a restart can re-arm them. */
  callbacks?: Record<string, CallbackTimers>;
  /** Ids of operations the service changed since the invocation last checkpointed. */
  serviceChangedIds: string[];
  nextEventId: number;
}

/** When an open callback times out, overall and for want of a heartbeat. */
export interface CallbackTimers {
  timeoutAtMs?: number;
  heartbeatTimeoutSeconds?: number;
  heartbeatAtMs?: number;
}

/** Filters of {@link Store.listExecutions}; all optional but the function. */
export interface ExecutionQuery {
  functionName: string;
  version?: string;
  nameContains?: string;
  statuses?: ExecutionStatus[];
  startedAfterMs?: number;
  startedBeforeMs?: number;
  newestFirst: boolean;
  /** Continue after this `seq` (exclusive) in the chosen order. */
  afterSeq?: number;
  limit: number;
}

/** Paging of {@link Store.listEvents}. */
export interface EventQuery {
  reverse: boolean;
  /** Continue after this EventId (exclusive) in the chosen order. */
  afterEventId?: number;
  limit: number;
}

/**
 * Durable storage of the engine. Synchronous on purpose: the engine runs each API call inside
 * one {@link Store.transaction}, so a crash leaves either all of a checkpoint or none of it.
 * A write the store cannot make (a full disk) throws a `ServiceError("ServiceException")` and
 * keeps nothing of the transaction; the engine answers API calls with it and retries its own work.
 */
export interface Store {
  transaction<T>(fn: () => T): T;

  insertExecution(rec: ExecutionRecord): void;
  updateExecution(rec: ExecutionRecord): void;
  getExecution(arn: string): ExecutionRecord | undefined;
  findExecutionByName(functionName: string, name: string): ExecutionRecord | undefined;
  listExecutions(q: ExecutionQuery): ExecutionRecord[];
  /** Executions not yet ended, for recovery after a restart. */
  listRunningExecutions(): ExecutionRecord[];
  nextExecutionSeq(): number;

  /** Inserts or replaces an operation; new ones go after the existing ones in order. */
  putOperation(arn: string, op: Operation): void;
  getOperation(arn: string, id: string): Operation | undefined;
  /** Operations in the order they were first stored. */
  listOperations(arn: string): Operation[];
  /** How many operations the execution has (the EXECUTION one included), without reading them. */
  countOperations(arn: string): number;

  appendEvent(arn: string, event: Event): void;
  listEvents(arn: string, q: EventQuery): Event[];

  /** The stored response of a checkpoint already applied with this client token. */
  getCheckpointResponse(arn: string, clientToken: string): string | undefined;
  putCheckpointResponse(arn: string, clientToken: string, response: string): void;
  /** Drops the answers kept for ClientToken retries, once nothing can checkpoint any more. */
  deleteCheckpointResponses(arn: string): void;

  /** When an ended execution's retention runs out (it is then deleted). */
  setExpiry(arn: string, atMs: number): void;
  listExpiries(): { arn: string; atMs: number }[];
  /** Removes an execution with its operations, events and everything kept for it. */
  deleteExecution(arn: string): void;

  close(): void;
}
