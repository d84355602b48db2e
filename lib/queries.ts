"use client";
/**
 * Browser-side data access: fetches the app's API routes through TanStack Query.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ApiError, ExecutionResponse, ExecutionsResponse, FunctionCountsResponse, FunctionsResponse, TargetInfo } from "./api-types";
import { nameProblem, rangeProblem, startedWindow, type ExecutionFilter } from "./filters";

export type { ExecutionFilter } from "./filters";

/** How often views of running executions refresh. */
export const RUNNING_REFRESH_MS = 2000;

/** An API call that failed, carrying the server's status, code and message. */
export class ApiRequestError extends Error implements ApiError {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.status === "number" && typeof b.code === "string" && typeof b.message === "string";
}

/**
 * GETs a JSON API route, throwing ApiRequestError with the server's message on failure.
 *
 * @example await getJson<FunctionsResponse>("/api/functions")
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, "NetworkError", "Could not reach the Durable Lens server. Is it still running?");
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiError(body)) throw new ApiRequestError(body.status, body.code, body.message);
    throw new ApiRequestError(response.status, "HttpError", `The server answered ${response.status} ${response.statusText}`.trim());
  }
  if (body === undefined) throw new ApiRequestError(response.status, "InvalidResponse", "The server sent a response that is not JSON.");
  return body as T;
}

/**
 * True when the failure is the durable service (or the Durable Lens server itself) not answering,
 * as opposed to an answer that says no: that kind fixes itself when the service is back.
 */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.code === "ServiceUnreachable" || error.code === "NetworkError");
}

/**
 * Client errors (4xx) will not fix themselves, so they are not retried. An unreachable service
 * is retried for as long as it takes: the query keeps what it showed (or keeps loading) meanwhile,
 * the service status banner says why, and the data comes back without a reload.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isUnreachable(error)) return true;
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** Back-off between retries, capped low so a service that comes back is noticed within seconds. */
export function retryDelay(failureCount: number): number {
  return Math.min(1000 * 2 ** failureCount, 5_000);
}

/** How often the functions page refreshes its counts while something runs. */
export const COUNTS_REFRESH_MS = 5000;

/** Executions per page of the list. */
export const EXECUTIONS_PAGE_SIZE = 50;

/** The part of a filter that decides which page of executions is asked for (the trail of earlier markers does not). */
function listKey(filter: ExecutionFilter) {
  const { prev: _prev, ...rest } = filter;
  return rest;
}

export const queryKeys = {
  target: ["target"] as const,
  functions: ["functions"] as const,
  counts: (name: string) => ["counts", name] as const,
  executions: (name: string, filter: ExecutionFilter) => ["executions", name, listKey(filter)] as const,
  execution: (arn: string) => ["execution", arn] as const,
};

/**
 * The URL of an execution list request; relative time ranges are resolved against `now`.
 *
 * @example executionsUrl("f", { statuses: ["FAILED"], order: "newest", prev: [] }, Date.now()) // "/api/functions/f/executions?status=FAILED&order=newest&maxItems=50"
 */
export function executionsUrl(name: string, filter: ExecutionFilter, now: number, maxItems = EXECUTIONS_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const s of filter.statuses) params.append("status", s);
  if (filter.name) params.set("name", filter.name);
  const { startedAfter, startedBefore } = startedWindow(filter, now);
  if (startedAfter) params.set("startedAfter", startedAfter);
  if (startedBefore) params.set("startedBefore", startedBefore);
  if (filter.qualifier) params.set("qualifier", filter.qualifier);
  if (filter.marker) params.set("marker", filter.marker);
  params.set("order", filter.order);
  params.set("maxItems", String(maxItems));
  return `/api/functions/${encodeURIComponent(name)}/executions?${params}`;
}

/** Which service the server talks to. */
export function useTarget() {
  return useQuery({
    queryKey: queryKeys.target,
    queryFn: ({ signal }) => getJson<TargetInfo>("/api/target", signal),
    staleTime: Infinity,
  });
}

/** The target's durable functions. */
export function useFunctions() {
  return useQuery({
    queryKey: queryKeys.functions,
    queryFn: ({ signal }) => getJson<FunctionsResponse>("/api/functions", signal),
  });
}

/** Running and failed counts of one function, refreshing while any execution runs. */
export function useFunctionCounts(name: string) {
  return useQuery({
    queryKey: queryKeys.counts(name),
    queryFn: ({ signal }) => getJson<FunctionCountsResponse>(`/api/functions/${encodeURIComponent(name)}/counts`, signal),
    refetchInterval: (query) => ((query.state.data?.running.count ?? 0) > 0 ? COUNTS_REFRESH_MS : false),
  });
}

/**
 * One page of a function's executions, refreshing while any of them runs. While a new filter
 * loads, the previous rows stay on screen (`isPlaceholderData`), so the page keeps its height
 * and scroll position instead of flashing a skeleton.
 */
export function useExecutions(name: string, filter: ExecutionFilter) {
  const valid = !nameProblem(filter.name) && !rangeProblem(filter);
  return useQuery({
    queryKey: queryKeys.executions(name, filter),
    // The time window is resolved when the request is made, so every refresh of "last hour" is current.
    queryFn: ({ signal }) => getJson<ExecutionsResponse>(executionsUrl(name, filter, Date.now()), signal),
    enabled: valid,
    // Another function's rows must never stand in for this one's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === name ? keepPreviousData(previous) : undefined),
    refetchInterval: (query) =>
      query.state.data?.executions.some((e) => e.status === "RUNNING") ? RUNNING_REFRESH_MS : false,
  });
}

/** An execution with its history, refreshing while it runs. */
export function useExecution(arn: string) {
  return useQuery({
    queryKey: queryKeys.execution(arn),
    queryFn: ({ signal }) => getJson<ExecutionResponse>(`/api/executions/${encodeURIComponent(arn)}`, signal),
    refetchInterval: (query) =>
      query.state.data?.execution.status === "RUNNING" ? RUNNING_REFRESH_MS : false,
  });
}
