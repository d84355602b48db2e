import "server-only";
import {
  InvokeCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import { parseFunctionName, type ErrorObject } from "@durable-lens/sdk/protocol";
import { describeActionError } from "./action-errors";
import type { BulkStopItem, BulkStopResponse, CallbackActionResponse, StartResponse, StopResponse } from "./action-types";
import type { StartBody } from "./action-schemas";
import { getConfig } from "./config";
import { toApiError } from "./errors";
import { getLambdaMutationClient } from "./lambda";

/** Stops sent at once by a bulk stop: enough to be quick, few enough not to be throttled. */
const BULK_STOP_CONCURRENCY = 4;

/** Lambda treats an absent Error differently from `{}` in nothing but the history; send none when empty. */
function errorOrNone(error: ErrorObject | undefined): ErrorObject | undefined {
  return error && Object.keys(error).length > 0 ? error : undefined;
}

function sentAt(callbackId: string, action: CallbackActionResponse["action"]): CallbackActionResponse {
  return { callbackId, action, sentAt: new Date().toISOString() };
}

/**
 * SendDurableExecutionCallbackSuccess with `result` (JSON text) as the callback's result.
 *
 * @example await sendCallbackSuccess(callbackId, '{"approved":true}')
 */
export async function sendCallbackSuccess(callbackId: string, result: string | undefined): Promise<CallbackActionResponse> {
  try {
    await getLambdaMutationClient().send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: result }));
  } catch (error) {
    throw describeActionError(error, { kind: "callback", callbackId });
  }
  return sentAt(callbackId, "succeed");
}

/**
 * SendDurableExecutionCallbackFailure with the given error.
 *
 * @example await sendCallbackFailure(callbackId, { ErrorType: "Rejected", ErrorMessage: "Over budget" })
 */
export async function sendCallbackFailure(callbackId: string, error: ErrorObject | undefined): Promise<CallbackActionResponse> {
  try {
    await getLambdaMutationClient().send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: errorOrNone(error) }));
  } catch (e) {
    throw describeActionError(e, { kind: "callback", callbackId });
  }
  return sentAt(callbackId, "fail");
}

/**
 * SendDurableExecutionCallbackHeartbeat: the callback's heartbeat timeout starts over.
 *
 * @example await sendCallbackHeartbeat(callbackId)
 */
export async function sendCallbackHeartbeat(callbackId: string): Promise<CallbackActionResponse> {
  try {
    await getLambdaMutationClient().send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId }));
  } catch (error) {
    throw describeActionError(error, { kind: "callback", callbackId });
  }
  return sentAt(callbackId, "heartbeat");
}

/**
 * StopDurableExecution, optionally recording why.
 *
 * @example await stopExecution(arn, { ErrorMessage: "Runaway loop" })
 */
export async function stopExecution(arn: string, error?: ErrorObject): Promise<StopResponse> {
  try {
    const out = await getLambdaMutationClient().send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: errorOrNone(error) }));
    const at = out.StopTimestamp instanceof Date && !Number.isNaN(out.StopTimestamp.getTime()) ? out.StopTimestamp : new Date();
    return { arn, stoppedAt: at.toISOString() };
  } catch (e) {
    throw describeActionError(e, { kind: "stop", arn });
  }
}

/**
 * Stops each execution, a few at a time; one that cannot be stopped does not keep the others running.
 *
 * @example (await stopExecutions([a, b])).stopped // 2
 */
export async function stopExecutions(arns: readonly string[], error?: ErrorObject): Promise<BulkStopResponse> {
  const unique = [...new Set(arns)];
  const results: BulkStopItem[] = new Array(unique.length);
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const i = next++;
      const arn = unique[i]!;
      try {
        results[i] = { ok: true, ...(await stopExecution(arn, error)) };
      } catch (e) {
        const c = getConfig();
        results[i] = { arn, ok: false, error: toApiError(e, { target: c.target, region: c.region, endpoint: c.endpoint }) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_STOP_CONCURRENCY, unique.length) }, worker));
  const stopped = results.filter((r) => r.ok).length;
  return { results, stopped, failed: results.length - stopped };
}

/** The function and qualifier to invoke: `name:qualifier` is split, a separate qualifier wins. */
function target(functionName: string, qualifier: string | undefined): { FunctionName: string; Qualifier?: string } {
  const ref = functionName.startsWith("arn:") ? undefined : parseFunctionName(functionName);
  const name = ref?.qualifier ? ref.name : functionName;
  const q = qualifier ?? ref?.qualifier;
  return q ? { FunctionName: name, Qualifier: q } : { FunctionName: name };
}

/**
 * Invoke: starts a durable execution, asynchronously (Event) or waiting for its end (RequestResponse).
 *
 * @example (await startExecution("order-processor", { payload: '{"orderId":"1"}', mode: "async" })).arn
 */
export async function startExecution(functionName: string, start: StartBody): Promise<StartResponse> {
  try {
    const out = await getLambdaMutationClient().send(
      new InvokeCommand({
        ...target(functionName, start.qualifier),
        InvocationType: start.mode === "sync" ? "RequestResponse" : "Event",
        DurableExecutionName: start.executionName,
        Payload: new TextEncoder().encode(start.payload ?? "{}"),
      }),
    );
    const response: StartResponse = { functionName, mode: start.mode };
    if (out.DurableExecutionArn) response.arn = out.DurableExecutionArn;
    if (out.StatusCode !== undefined) response.statusCode = out.StatusCode;
    if (out.ExecutedVersion) response.executedVersion = out.ExecutedVersion;
    if (start.mode === "sync" && out.Payload) response.result = new TextDecoder().decode(out.Payload);
    if (out.FunctionError) response.functionError = out.FunctionError;
    return response;
  } catch (error) {
    throw describeActionError(error, { kind: "start", functionName, executionName: start.executionName, mode: start.mode });
  }
}
