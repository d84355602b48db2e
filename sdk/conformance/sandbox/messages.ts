/**
 * Messages between the runner and a function sandbox (one worker thread = one Lambda
 * execution environment). The worker's service calls travel back to the engine as RPCs.
 */
import type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "@durable-lens/sdk/protocol";

/** Which export of a handler module a function runs: `handler`, or `functions[name]`. */
export interface FunctionSource {
  moduleUrl: string;
  /** Undefined for the module's `handler` export. */
  functionsKey?: string;
}

export interface SandboxData {
  source: FunctionSource;
  functionName: string;
  functionArn: string;
}

export interface WireError {
  name: string;
  message: string;
  stack?: string;
  /** HTTP status of a service error, as `@aws-sdk/client-lambda` errors carry it. */
  status?: number;
}

export type ToSandbox =
  | { kind: "describe" }
  /** `now`: the engine's time (epoch ms) as the invocation starts. */
  | { kind: "invoke"; id: number; event: DurableExecutionInvocationInput; requestId: string; now: number }
  | { kind: "rpc-result"; id: number; result: unknown }
  | { kind: "rpc-error"; id: number; error: WireError };

export type RpcMethod = "checkpoint" | "getExecutionState";

export type FromSandbox =
  | { kind: "described"; functions: string[]; error?: WireError }
  | { kind: "log"; stream: "stdout" | "stderr"; text: string }
  | { kind: "rpc"; id: number; method: RpcMethod; params: unknown }
  | { kind: "result"; id: number; output: DurableExecutionInvocationOutput }
  | { kind: "error"; id: number; error: WireError };

export function toWireError(e: unknown): WireError {
  const err = e as { name?: unknown; message?: unknown; stack?: unknown; status?: unknown };
  const out: WireError = {
    name: typeof err?.name === "string" ? err.name : "Error",
    message: typeof err?.message === "string" ? err.message : String(e),
  };
  if (typeof err?.stack === "string") out.stack = err.stack;
  if (typeof err?.status === "number") out.status = err.status;
  return out;
}
