"use client";
/**
 * TanStack Query hooks for the actions: each mutation refreshes the execution, lists, counts and
 * the callback inbox when it succeeds, so the page shows the outcome without a reload.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { ErrorObject } from "@durable-lens/sdk/protocol";
import { postAction, sessionQuery } from "./action-client";
import type { BulkStopResponse, CallbackActionResponse, CallbackInboxResponse, StartResponse, StopResponse } from "./action-types";
import { getJson } from "./queries";

/** How often the callback inbox looks for new callbacks. */
export const INBOX_REFRESH_MS = 5000;

/**
 * Marks everything an action can change as stale, so the views on screen fetch it again.
 *
 * @example await refreshAfterAction(queryClient)
 */
export function refreshAfterAction(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    [["execution"], ["executions"], ["counts"], ["callbacks"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}

/**
 * Whether this server allows mutations (and the session's CSRF token).
 *
 * @example const readOnly = useSession().data?.readOnly === true;
 */
export function useSession() {
  return useQuery(sessionQuery);
}

/**
 * True once the server said mutations are allowed; false while it is unknown or in read-only
 * mode, so no action is offered that would be refused.
 *
 * @example const enabled = useActionsEnabled();
 */
export function useActionsEnabled(): boolean {
  return useSession().data?.readOnly === false;
}

export type CallbackActionInput =
  | { action: "succeed"; callbackId: string; result?: string }
  | { action: "fail"; callbackId: string; error?: ErrorObject }
  | { action: "heartbeat"; callbackId: string };

/**
 * Sends success, failure or a heartbeat for a callback.
 *
 * @example useCallbackAction().mutate({ action: "succeed", callbackId, result: '{"approved":true}' })
 */
export function useCallbackAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: CallbackActionInput) => postAction<CallbackActionResponse>(queryClient, `/api/callbacks/${action}`, body),
    onSuccess: () => refreshAfterAction(queryClient),
  });
}

/**
 * Stops one execution.
 *
 * @example useStopExecution().mutate({ arn, error: { ErrorMessage: "Runaway" } })
 */
export function useStopExecution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ arn, error }: { arn: string; error?: Pick<ErrorObject, "ErrorType" | "ErrorMessage"> }) =>
      postAction<StopResponse>(queryClient, `/api/executions/${encodeURIComponent(arn)}/stop`, error ? { error } : {}),
    onSuccess: () => refreshAfterAction(queryClient),
  });
}

/**
 * Stops several executions at once.
 *
 * @example useBulkStop().mutate({ arns })
 */
export function useBulkStop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ arns, error }: { arns: string[]; error?: Pick<ErrorObject, "ErrorType" | "ErrorMessage"> }) =>
      postAction<BulkStopResponse>(queryClient, "/api/executions/bulk-stop", error ? { arns, error } : { arns }),
    onSuccess: () => refreshAfterAction(queryClient),
  });
}

export interface StartInput {
  functionName: string;
  payload: string;
  executionName?: string;
  mode: "async" | "sync";
  qualifier?: string;
}

/**
 * Starts an execution of a function.
 *
 * @example useStartExecution().mutate({ functionName: "order-processor", payload: "{}", mode: "async" })
 */
export function useStartExecution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ functionName, ...body }: StartInput) =>
      postAction<StartResponse>(queryClient, `/api/functions/${encodeURIComponent(functionName)}/start`, body),
    onSuccess: () => refreshAfterAction(queryClient),
  });
}

/**
 * The callbacks waiting across a function's running executions (across every function's when
 * no function is given), refreshed every few seconds (every `refreshMs` where only a count is shown).
 *
 * @example const { data } = useCallbackInbox("expense-approval");
 */
export function useCallbackInbox(functionName: string | undefined, refreshMs: number = INBOX_REFRESH_MS) {
  return useQuery({
    queryKey: ["callbacks", functionName ?? ""],
    queryFn: ({ signal }) =>
      getJson<CallbackInboxResponse>(functionName ? `/api/functions/${encodeURIComponent(functionName)}/callbacks` : "/api/callbacks", signal),
    refetchInterval: refreshMs,
  });
}
