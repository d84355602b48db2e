/**
 * JSON bodies of the session and the mutating routes (and the callback inbox), shared by the
 * route handlers and the browser. Timestamps travel as ISO strings.
 */
import type { ApiError } from "./api-types";

/** `GET /api/session`: whether mutations are allowed, and the token that must come back with each. */
export interface SessionInfo {
  readOnly: boolean;
  /** Absent in read-only mode, where there is nothing to protect. */
  csrfToken?: string;
}

export type CallbackAction = "succeed" | "fail" | "heartbeat";

/** What a callback route answers once Lambda accepted the call. */
export interface CallbackActionResponse {
  callbackId: string;
  action: CallbackAction;
  /** When the server sent it. */
  sentAt: string;
}

export interface StopResponse {
  arn: string;
  stoppedAt: string;
}

/** One execution of a bulk stop: stopped, or why not. */
export type BulkStopItem = { arn: string; ok: true; stoppedAt: string } | { arn: string; ok: false; error: ApiError };

export interface BulkStopResponse {
  results: BulkStopItem[];
  stopped: number;
  failed: number;
}

export interface StartResponse {
  functionName: string;
  mode: "async" | "sync";
  /** The new (or, for a repeated name with the same input, the existing) execution. */
  arn?: string;
  /** Lambda's status code: 202 for async, 200 for sync. */
  statusCode?: number;
  executedVersion?: string;
  /** Sync only: the execution's result as the function returned it. */
  result?: string;
  /** Sync only: set when the execution failed ("Unhandled"); `result` then holds the error. */
  functionError?: string;
}

/** A callback waiting for an answer, with the execution it belongs to. */
export interface PendingCallback {
  /** The function whose execution waits. */
  functionName?: string;
  executionArn: string;
  executionName: string;
  operationId: string;
  callbackId: string;
  name?: string;
  startedAt?: string;
  timeoutSeconds?: number;
  heartbeatTimeoutSeconds?: number;
}

/** `GET /api/functions/{name}/callbacks`. */
export interface CallbackInboxResponse {
  callbacks: PendingCallback[];
  /** Running executions whose histories were read. */
  executionsScanned: number;
  /** True when the function had more running executions than one request reads. */
  truncated: boolean;
  /** Across functions (`GET /api/callbacks`): the functions read, of those the target lists. */
  functionsScanned?: number;
  functionsTotal?: number;
}
