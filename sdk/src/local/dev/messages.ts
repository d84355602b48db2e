/**
 * Messages between a module function and its worker threads (one worker = one Lambda
 * execution environment running the user's handler module).
 */
import type { MessagePort } from "node:worker_threads";
import type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "../../protocol/index.js";

export interface FunctionWorkerData {
  moduleUrl: string;
  exportName: string;
  functionName: string;
  /** Read by the TypeScript loader's register script: it reports each source file loaded here. */
  loadedFilesPort: MessagePort;
}

export interface WorkerError {
  name: string;
  message: string;
}

export type ToWorker = {
  kind: "invoke";
  id: number;
  event: DurableExecutionInvocationInput;
  requestId: string;
  functionArn: string;
  timeoutMs: number;
};

export type FromWorker =
  | { kind: "ready" }
  | { kind: "load-failed"; error: WorkerError }
  | { kind: "result"; id: number; output: DurableExecutionInvocationOutput }
  | { kind: "error"; id: number; error: WorkerError };

export function toWorkerError(e: unknown): WorkerError {
  const err = e as { name?: unknown; message?: unknown };
  return {
    name: typeof err?.name === "string" ? err.name : "Error",
    message: typeof err?.message === "string" ? err.message : String(e),
  };
}
