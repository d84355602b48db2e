import "server-only";
import { GetDurableExecutionHistoryCommand, ListDurableExecutionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { parseHistory } from "@durable-lens/sdk/history";
import type { CallbackInboxResponse, PendingCallback } from "./action-types";
import { getLambdaClient } from "./lambda";
import { openCallbacks } from "./pending-callbacks";

/** Running executions read per request: a page of the list. Past it the answer says it is partial. */
const MAX_EXECUTIONS = 100;
/** Histories read at once. */
const CONCURRENCY = 6;
const HISTORY_PAGE_SIZE = 1000;
const MAX_HISTORY_PAGES = 20;

async function readEvents(arn: string): Promise<unknown[]> {
  const events: unknown[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    // Names, ids and timeouts are not execution data, so the payloads can stay on the service.
    const out = await getLambdaClient().send(
      new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: false, MaxItems: HISTORY_PAGE_SIZE, Marker: marker }),
    );
    events.push(...(out.Events ?? []));
    if (!out.NextMarker || out.NextMarker === marker) break;
    marker = out.NextMarker;
  }
  return events;
}

async function pendingOf(execution: { arn: string; name: string }): Promise<PendingCallback[]> {
  let events: unknown[];
  try {
    events = await readEvents(execution.arn);
  } catch (error) {
    // It ended and was deleted between the list and this read: nothing waits there any more.
    if ((error as { name?: unknown }).name === "ResourceNotFoundException") return [];
    throw error;
  }
  return openCallbacks(parseHistory(events).events).map((cb) => {
    const item: PendingCallback = { executionArn: execution.arn, executionName: execution.name, operationId: cb.operationId, callbackId: cb.callbackId };
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
    e.DurableExecutionArn ? [{ arn: e.DurableExecutionArn, name: e.DurableExecutionName ?? "" }] : [],
  );
  const found: PendingCallback[][] = new Array(executions.length);
  let next = 0;
  const worker = async () => {
    while (next < executions.length) {
      const i = next++;
      found[i] = await pendingOf(executions[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, executions.length) }, worker));
  const callbacks = found.flat().sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""));
  return { callbacks, executionsScanned: executions.length, truncated: Boolean(list.NextMarker) };
}
