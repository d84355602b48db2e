"use client";
import { useSyncExternalStore } from "react";
import { useRetryServiceStatus, useServiceStatus } from "./use-service-status";

const clock = (ms: number) => new Date(ms).toLocaleTimeString();

/** The page's own origin, read after hydration only (the server has no window). */
function useOrigin(): string {
  return useSyncExternalStore(
    () => () => undefined,
    () => window.location.origin,
    () => "",
  );
}

/**
 * Says, on every page, that the durable service (or the Durable Lens server) is not answering and
 * that the page is retrying, naming where it tries. The page below keeps what it had loaded; the
 * banner goes by itself when the service answers again, and the page's data follows, no reload.
 *
 * @example <ServiceStatusBanner /> // once, in the root layout
 */
export function ServiceStatusBanner() {
  const status = useServiceStatus();
  const retry = useRetryServiceStatus();
  const origin = useOrigin();
  if (status.kind !== "service-down" && status.kind !== "server-down") return null;

  const who =
    status.kind === "service-down" ? (
      <>
        The durable service at <span className="font-mono" data-testid="service-status-target">{status.health.service}</span>
      </>
    ) : (
      <>
        The Durable Lens server at <span className="font-mono" data-testid="service-status-target">{origin || "this address"}</span>
      </>
    );
  const detail = status.kind === "service-down" ? status.health.message : "Is it still running?";
  return (
    // role="status", not "alert": it stays up while retrying and must not be read out again on every poll.
    <div role="status" data-testid="service-status-banner" data-state={status.kind} className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 text-sm">
        <div className="min-w-0">
          <p>
            <strong>{who} is not answering — retrying.</strong>{" "}
            <span>What this page shows was loaded before; it updates by itself once the service is back.</span>
          </p>
          <p className="text-xs text-amber-800">
            {detail ? <span data-testid="service-status-detail">{detail} · </span> : null}
            not answering since {clock(status.since)}
          </p>
        </div>
        <button
          type="button"
          onClick={retry}
          className="shrink-0 rounded-md border border-amber-300 bg-white px-3 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100"
          data-testid="service-status-retry"
        >
          Retry now
        </button>
      </div>
    </div>
  );
}
