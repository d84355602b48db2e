"use client";
/**
 * The executions a check replays: a function's latest running ones, listed through the app's
 * API, and their histories, each loaded and parsed when the check starts (so it checks what
 * the executions recorded by then, not when the list was shown).
 */
import { useQuery } from "@tanstack/react-query";
import { parseHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import type { ExecutionResponse, ExecutionsResponse, ExecutionSummary } from "@/lib/api-types";
import { executionsUrl, getJson, shouldRetry } from "@/lib/queries";

/** How many running executions the page offers to check. */
export const RUN_COUNTS = [5, 10, 25, 50, 100] as const;
export const DEFAULT_RUN_COUNT = 10;

/** A list page may hold fewer rows than asked for; this many pages at most are read to fill it. */
const MAX_PAGES = 10;

/**
 * The list request for a function's running executions, newest first.
 *
 * @example runningExecutionsUrl("approval-flow", 10) // "/api/functions/approval-flow/executions?status=RUNNING&order=newest&maxItems=10"
 */
export function runningExecutionsUrl(functionName: string, count: number, marker?: string): string {
  return executionsUrl(functionName, { statuses: ["RUNNING"], order: "newest", prev: [], ...(marker && { marker }) }, Date.now(), count);
}

async function listRunning(functionName: string, count: number, signal: AbortSignal): Promise<ExecutionSummary[]> {
  const found: ExecutionSummary[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES && found.length < count; page++) {
    const body = await getJson<ExecutionsResponse>(runningExecutionsUrl(functionName, count - found.length, marker), signal);
    found.push(...body.executions);
    marker = body.nextMarker;
    if (!marker) break;
  }
  return found.slice(0, count);
}

/**
 * The `count` latest running executions of a function. Not refreshed on its own: the table
 * under a check result must keep the rows that were checked.
 *
 * @example const { data } = useRunningExecutions("approval-flow", 10);
 */
export function useRunningExecutions(functionName: string, count: number) {
  return useQuery({
    queryKey: ["check-running", functionName, count] as const,
    queryFn: ({ signal }) => listRunning(functionName, count, signal),
    retry: shouldRetry,
    refetchOnWindowFocus: false,
  });
}

/** One execution's history, ready for the simulator. */
export interface LoadedRun {
  arn: string;
  recording: Event[];
  /** The execution's status when its history was read (it may have finished since it was listed). */
  status: string;
  /** True when the server read only the first part of a long history. */
  truncated: boolean;
  /** Events that could not be read and were left out. */
  problems: string[];
}

/** An execution whose history could not be loaded; it is reported, and the others still checked. */
export interface RunFailure {
  arn: string;
  message: string;
}

/**
 * Loads an execution's history through the app's API, timestamps as Dates.
 *
 * @example const run = await loadRun(arn);
 */
export async function loadRun(arn: string, signal?: AbortSignal): Promise<LoadedRun> {
  const body = await getJson<ExecutionResponse>(`/api/executions/${encodeURIComponent(arn)}`, signal);
  const parsed = parseHistory(body.events);
  return { arn, recording: parsed.events, status: body.execution.status, truncated: body.eventsTruncated, problems: parsed.problems };
}

/**
 * Loads the histories of several executions at once; one that fails does not stop the others.
 *
 * @example const { runs, failures } = await loadRuns(executions.map((e) => e.arn));
 */
export async function loadRuns(arns: readonly string[], signal?: AbortSignal): Promise<{ runs: LoadedRun[]; failures: RunFailure[] }> {
  const settled = await Promise.allSettled(arns.map((arn) => loadRun(arn, signal)));
  const runs: LoadedRun[] = [];
  const failures: RunFailure[] = [];
  settled.forEach((s, i) => {
    if (s.status === "fulfilled") runs.push(s.value);
    else failures.push({ arn: arns[i]!, message: `Could not load its history: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}` });
  });
  return { runs, failures };
}
