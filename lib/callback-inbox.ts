import "server-only";
import { ListDurableExecutionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { parseHistory } from "@durable-lens/sdk/history";
import type { CallbackInboxResponse, PendingCallback } from "./action-types";
import { mapLimited } from "./concurrency";
import { readEventsWithoutData } from "./history-events";
import { getLambdaClient } from "./lambda";
import { openCallbacks } from "./pending-callbacks";
import { listDurableFunctions } from "./service";

/** Running executions read per request: a page of the list. Past it the answer says it is partial. */
const MAX_EXECUTIONS = 100;
/** Functions read per request across functions: past it the answer says how many were read. */
export const MAX_INBOX_FUNCTIONS = 25;
/** Functions read at once (each reads several histories at once). */
const FUNCTION_CONCURRENCY = 3;
/** Histories read at once. */
const CONCURRENCY = 6;

async function pendingOf(execution: { arn: string; name: string; functionName: string }): Promise<PendingCallback[]> {
  let events: unknown[];
  try {
    events = await readEventsWithoutData(execution.arn);
  } catch (error) {
    // It ended and was deleted between the list and this read: nothing waits there any more.
    if ((error as { name?: unknown }).name === "ResourceNotFoundException") return [];
    throw error;
  }
  return openCallbacks(parseHistory(events).events).map((cb) => {
    const item: PendingCallback = { functionName: execution.functionName, executionArn: execution.arn, executionName: execution.name, operationId: cb.operationId, callbackId: cb.callbackId };
    if (cb.name) item.name = cb.name;
    if (cb.startedAt) item.startedAt = cb.startedAt.toISOString();
    if (cb.timeoutSeconds) item.timeoutSeconds = cb.timeoutSeconds;
    if (cb.heartbeatTimeoutSeconds) item.heartbeatTimeoutSeconds = cb.heartbeatTimeoutSeconds;
    return item;
  });
}

/**
 * Every callback waiting for an answer across a function's running executions, oldest first.
 *
 * @example (await listPendingCallbacks("expense-approval")).callbacks[0]?.callbackId
 */
export async function listPendingCallbacks(functionName: string): Promise<CallbackInboxResponse> {
  const list = await getLambdaClient().send(
    new ListDurableExecutionsByFunctionCommand({ FunctionName: functionName, Statuses: ["RUNNING"], MaxItems: MAX_EXECUTIONS }),
  );
  const executions = (list.DurableExecutions ?? []).flatMap((e) =>
    e.DurableExecutionArn ? [{ arn: e.DurableExecutionArn, name: e.DurableExecutionName ?? "", functionName }] : [],
  );
  const found = await mapLimited(executions, CONCURRENCY, pendingOf);
  return { callbacks: oldestFirst(found.flat()), executionsScanned: executions.length, truncated: Boolean(list.NextMarker) };
}

function oldestFirst(callbacks: PendingCallback[]): PendingCallback[] {
  return callbacks.sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""));
}

/**
 * Every callback waiting across the running executions of the target's durable functions (up to
 * `maxFunctions` of them; the answer says how many it read of how many), oldest first.
 *
 * @example (await listAllPendingCallbacks()).callbacks.length
 */
export async function listAllPendingCallbacks(maxFunctions = MAX_INBOX_FUNCTIONS): Promise<CallbackInboxResponse> {
  const functions = await listDurableFunctions();
  const read = functions.slice(0, maxFunctions);
  const inboxes = await mapLimited(read, FUNCTION_CONCURRENCY, async (fn) => {
    try {
      return await listPendingCallbacks(fn.name);
    } catch (error) {
      // Deleted since it was listed: nothing of it waits.
      if ((error as { name?: unknown }).name === "ResourceNotFoundException") return { callbacks: [], executionsScanned: 0, truncated: false };
      throw error;
    }
  });
  return {
    callbacks: oldestFirst(inboxes.flatMap((i) => i.callbacks)),
    executionsScanned: inboxes.reduce((n, i) => n + i.executionsScanned, 0),
    truncated: inboxes.some((i) => i.truncated),
    functionsScanned: read.length,
    functionsTotal: functions.length,
  };
}
