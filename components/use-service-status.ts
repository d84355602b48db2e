"use client";
/**
 * Whether the durable service answers, as the browser sees it: `/api/health` polled slowly while
 * all is well and quickly while it is not, and asked at once when any page query finds the
 * service unreachable. When the service comes back, the queries that were failing are fetched
 * again right away instead of waiting out their back-off.
 */
import { useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isHealthResponse, type HealthResponse } from "@/app/api/health/health";
import { isUnreachable } from "@/lib/queries";

/** Slow while the service answers: on AWS each poll is a ListFunctions call. */
export const HEALTH_POLL_MS = 5_000;
/** Fast while it does not, so the banner goes soon after the service is back. */
export const HEALTH_POLL_DOWN_MS = 1_500;

export type ServiceStatus =
  /** Not asked yet, or the server answered something other than a health body (e.g. a config error the pages show). */
  | { kind: "unknown" }
  | { kind: "answering"; health: HealthResponse }
  /** Not answering since `since` (ms since the epoch), as first seen by this page. */
  | { kind: "service-down"; health: HealthResponse; since: number }
  /** The Durable Lens server itself did not answer. */
  | { kind: "server-down"; since: number };

const HEALTH_KEY = ["service-health"] as const;

/** One look at `/api/health`; an outage that goes on keeps the time it was first seen. */
async function probe(signal: AbortSignal, previous: ServiceStatus | undefined): Promise<ServiceStatus> {
  const since = previous?.kind === "service-down" || previous?.kind === "server-down" ? previous.since : Date.now();
  let response: Response;
  try {
    response = await fetch("/api/health", { headers: { accept: "application/json" }, cache: "no-store", signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: "server-down", since };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!isHealthResponse(body)) return { kind: "unknown" };
  return body.answering ? { kind: "answering", health: body } : { kind: "service-down", health: body, since };
}

const isDown = (kind: ServiceStatus["kind"] | undefined) => kind === "service-down" || kind === "server-down";
const isHealthQuery = (query: Query) => query.queryKey[0] === HEALTH_KEY[0];

/**
 * The service's status for the banner, polling while mounted (mount it once, in the layout).
 *
 * @example const status = useServiceStatus(); if (status.kind === "service-down") show(status.health.service);
 */
export function useServiceStatus(): ServiceStatus {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: HEALTH_KEY,
    queryFn: ({ signal }) => probe(signal, queryClient.getQueryData<ServiceStatus>(HEALTH_KEY)),
    refetchInterval: (query) => (isDown(query.state.data?.kind) ? HEALTH_POLL_DOWN_MS : HEALTH_POLL_MS),
    // The probe never throws for an outage; its answer is the status.
    retry: false,
    staleTime: 0,
  });
  const kind = data?.kind;
  const previous = useRef<ServiceStatus["kind"] | undefined>(undefined);

  // A page query that finds the service gone says so sooner than the next poll would.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "failed" || isHealthQuery(event.query)) return;
        if (!isUnreachable(event.action.error)) return;
        const health = queryClient.getQueryState<ServiceStatus>(HEALTH_KEY);
        if (health?.fetchStatus === "idle" && !isDown(health.data?.kind)) void queryClient.refetchQueries({ queryKey: HEALTH_KEY });
      }),
    [queryClient],
  );

  // Back again: what failed meanwhile is fetched now, not after its back-off.
  useEffect(() => {
    const was = previous.current;
    previous.current = kind;
    if (!isDown(was) || kind !== "answering") return;
    const failing = new Set(
      queryClient.getQueryCache().findAll({
        predicate: (q) => !isHealthQuery(q) && (q.state.fetchFailureCount > 0 || (q.state.status === "error" && isUnreachable(q.state.error))),
      }),
    );
    if (failing.size === 0) return;
    const predicate = (q: Query) => failing.has(q);
    // A query without data would otherwise go on waiting in its retry loop; cancelling with
    // `revert` puts it back as it was before that fetch (still loading, or still showing its data).
    void queryClient
      .cancelQueries({ predicate }, { revert: true, silent: true })
      .then(() => queryClient.refetchQueries({ predicate, type: "active" }));
  }, [kind, queryClient]);

  return data ?? { kind: "unknown" };
}

/**
 * Asks `/api/health` again now (the banner's "Retry now").
 *
 * @example const retry = useRetryServiceStatus(); retry();
 */
export function useRetryServiceStatus(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.refetchQueries({ queryKey: HEALTH_KEY });
}
