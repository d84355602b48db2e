"use client";
import { HEALTH_LIMITS, type HistoryHealth } from "@durable-lens/sdk/history";
import type { ReactNode } from "react";
import { formatBytes } from "@/lib/format";

/** Green under half the limit, amber under 90 %, red above: room to spare, worth a look, about to break. */
function tone(fraction: number): { bar: string; text: string } {
  if (fraction >= 0.9) return { bar: "bg-red-500", text: "text-red-800" };
  if (fraction >= 0.5) return { bar: "bg-amber-500", text: "text-amber-800" };
  return { bar: "bg-emerald-500", text: "text-zinc-800" };
}

function Meter({ label, value, limit, fraction, testId, children }: { label: string; value: string; limit: string; fraction: number; testId: string; children?: ReactNode }) {
  const t = tone(fraction);
  return (
    <div className="min-w-0 flex-1 space-y-1" data-testid={testId} title={`${value} of ${limit} (${(fraction * 100).toFixed(1)} %)`}>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="truncate text-zinc-500">{label}</span>
        <span className={`shrink-0 font-mono ${t.text}`}>
          {value} <span className="text-zinc-400">/ {limit}</span>
        </span>
      </div>
      <div className="h-1.5 overflow-hidden rounded-full bg-zinc-200" role="meter" aria-label={label} aria-valuenow={Math.round(fraction * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className={`h-full ${t.bar}`} style={{ width: `${Math.min(100, Math.max(fraction > 0 ? 1 : 0, fraction * 100))}%` }} />
      </div>
      {children}
    </div>
  );
}

/**
 * How close the execution is to Lambda's limits: operations, stored bytes, the largest payload,
 * and how many step attempts failed.
 *
 * @example <HealthStrip health={measureHistory(events, operations)} onSelectOperation={select} />
 */
export function HealthStrip({ health, onSelectOperation }: { health: HistoryHealth; onSelectOperation: (id: string) => void }) {
  const largest = health.largestPayload;
  return (
    <section className="flex flex-wrap items-start gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white px-4 py-3" data-testid="health-strip" aria-label="Limits">
      <Meter
        label="Operations"
        value={health.operations.toLocaleString("en-US")}
        limit={HEALTH_LIMITS.operations.toLocaleString("en-US")}
        fraction={health.operations / HEALTH_LIMITS.operations}
        testId="health-operations"
      />
      <Meter
        label="Stored payloads"
        value={formatBytes(health.storedBytes)}
        limit={formatBytes(HEALTH_LIMITS.storedBytes)}
        fraction={health.storedBytes / HEALTH_LIMITS.storedBytes}
        testId="health-stored"
      />
      <Meter
        label="Largest payload"
        value={formatBytes(largest?.bytes ?? 0)}
        limit={formatBytes(HEALTH_LIMITS.payloadBytes)}
        fraction={(largest?.bytes ?? 0) / HEALTH_LIMITS.payloadBytes}
        testId="health-largest"
      >
        {largest?.operationId ? (
          <button type="button" className="text-[11px] text-sky-700 hover:underline" onClick={() => onSelectOperation(largest.operationId!)}>
            {largest.field} of event {largest.eventId}
          </button>
        ) : null}
      </Meter>
      <div className="min-w-0 flex-1 space-y-1 text-xs" data-testid="health-failed">
        <div className="flex items-baseline justify-between gap-2">
          <span className="text-zinc-500">Failed attempts</span>
          <span className={`font-mono ${health.failedAttempts > 0 ? "text-red-800" : "text-zinc-800"}`}>{health.failedAttempts.toLocaleString("en-US")}</span>
        </div>
        <p className="text-[11px] text-zinc-500">
          {health.retriedOperations === 0 ? "no step retried" : `${health.retriedOperations.toLocaleString("en-US")} ${health.retriedOperations === 1 ? "step" : "steps"} retried`}
          {health.truncatedPayloads > 0 ? ` · ${health.truncatedPayloads} truncated payloads` : ""}
        </p>
        {health.abandoned > 0 ? (
          <p className="text-[11px] text-zinc-600" data-testid="health-abandoned" title="Operations still open when the execution ended: they never finished.">
            {health.abandoned.toLocaleString("en-US")} {health.abandoned === 1 ? "operation" : "operations"} never finished: the execution ended first
          </p>
        ) : null}
      </div>
    </section>
  );
}
