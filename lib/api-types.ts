/**
 * JSON bodies of the app's API routes, shared by the route handlers and the browser.
 * Timestamps travel as ISO strings.
 */
import type { ErrorObject, ExecutionStatus } from "@durable-lens/sdk/protocol";

/** Every error response: the HTTP status again, a stable code, and a message for people. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

export interface TargetInfo {
  target: "local" | "aws";
  region: string;
  endpoint?: string;
  /** The AWS profile credentials come from, when one is configured (a name, never a secret). */
  profile?: string;
}

export interface FunctionSummary {
  name: string;
  arn: string;
  description?: string;
}

export interface FunctionsResponse {
  functions: FunctionSummary[];
}

export interface ExecutionSummary {
  arn: string;
  name: string;
  status: ExecutionStatus;
  startedAt: string;
  endedAt?: string;
  /** The function version the execution runs on, when the service says. */
  version?: string;
}

/** How many executions have one status; counting stops at a cap, and `more` says it did. */
export interface StatusCount {
  count: number;
  more: boolean;
}

/** Running and failed executions of one function, for the functions page. */
export interface FunctionCountsResponse {
  running: StatusCount;
  failed: StatusCount;
}

export interface ExecutionsResponse {
  executions: ExecutionSummary[];
  nextMarker?: string;
}

export interface ExecutionDetail extends ExecutionSummary {
  functionArn: string;
  version?: string;
  input?: string;
  result?: string;
  error?: ErrorObject;
  /** Why a running execution is not being invoked (the local service: its function is gone). */
  waitingReason?: string;
}

export interface ExecutionResponse {
  execution: ExecutionDetail;
  /** History events as the service sent them (timestamps as ISO strings); read them with `parseHistory`. */
  events: unknown[];
  /** True when the history was longer than the route reads in one request. */
  eventsTruncated: boolean;
}
