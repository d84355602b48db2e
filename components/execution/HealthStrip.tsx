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
    <div className="flex items-center gap-1.5 whitespace-nowrap" data-testid={testId} title={`${label}: ${value} of ${limit} (${(fraction * 100).toFixed(1)} %)`}>
      <span className="w-28 shrink-0 text-zinc-500">{label}</span>
      <span className={`w-40 font-mono ${t.text}`}>
        {value} <span className="text-zinc-400">/ {limit}</span>
      </span>
      <div className="h-1.5 w-16 shrink-0 overflow-hidden rounded-full bg-zinc-200" role="meter" aria-label={label} aria-valuenow={Math.round(fraction * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className={`h-full ${t.bar}`} style={{ width: `${Math.min(100, Math.max(fraction > 0 ? 1 : 0, fraction * 100))}%` }} />
      </div>
      {children}
    </div>
  );
}

/**
 * How close the execution is to Lambda's limits: operations, stored bytes, the largest payload,
 * and how many step attempts failed: a column of small meters, opened from the execution header.
 *
 * @example <HealthStrip health={measureHistory(events, operations)} onSelectOperation={select} />
 */
export function HealthStrip({ health, onSelectOperation }: { health: HistoryHealth; onSelectOperation: (id: string) => void }) {
  const largest = health.largestPayload;
  return (
    <section className="flex flex-col gap-2 text-xs" data-testid="health-strip" aria-label="Limits">
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
          <button type="button" className="text-sky-700 hover:underline" onClick={() => onSelectOperation(largest.operationId!)}>
            {largest.field} of event {largest.eventId}
          </button>
        ) : null}
      </Meter>
      <div className="flex items-center gap-1.5 whitespace-nowrap" data-testid="health-failed">
        <span className="w-28 shrink-0 text-zinc-500">Failed attempts</span>
        <span className={`font-mono ${health.failedAttempts > 0 ? "text-red-800" : "text-zinc-800"}`}>{health.failedAttempts.toLocaleString("en-US")}</span>
        <span className="text-zinc-500">
          ({health.retriedOperations === 0 ? "no step retried" : `${health.retriedOperations.toLocaleString("en-US")} ${health.retriedOperations === 1 ? "step" : "steps"} retried`}
          {health.truncatedPayloads > 0 ? ` · ${health.truncatedPayloads} truncated payloads` : ""})
        </span>
      </div>
      {health.abandoned > 0 ? (
        <p className="text-zinc-600" title="Operations still open when the execution ended: they never finished.">
          {abandonedText(health.abandoned)}: the execution ended first
        </p>
      ) : null}
    </section>
  );
}

const abandonedText = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "operation" : "operations"} never finished`;

/** The fullest of the three meters, as a fraction of its limit. */
function fullest(health: HistoryHealth): number {
  return Math.max(
    health.operations / HEALTH_LIMITS.operations,
    health.storedBytes / HEALTH_LIMITS.storedBytes,
    (health.largestPayload?.bytes ?? 0) / HEALTH_LIMITS.payloadBytes,
  );
}

/**
 * The limits in a few words, for the button that opens the {@link HealthStrip}: a dot coloured
 * by the fullest meter, how full it is, and the failed attempts and the operations that never
 * finished when there are any.
 *
 * @example <HealthSummary health={model.health} />
 */
export function HealthSummary({ health }: { health: HistoryHealth }) {
  const fraction = fullest(health);
  const t = tone(fraction);
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="health-summary">
      <span className={`h-2 w-2 rounded-full ${t.bar}`} aria-hidden />
      Limits
      <span className={`font-mono font-normal ${t.text}`}>{fraction < 0.001 ? "< 0.1" : (fraction * 100).toFixed(1)} %</span>
      {health.failedAttempts > 0 ? (
        <span className="font-normal text-red-800">
          · {health.failedAttempts.toLocaleString("en-US")} failed {health.failedAttempts === 1 ? "attempt" : "attempts"}
        </span>
      ) : null}
      {health.abandoned > 0 ? (
        <span className="font-normal text-zinc-600" data-testid="health-abandoned" title="Operations still open when the execution ended">
          · {abandonedText(health.abandoned)}
        </span>
      ) : null}
    </span>
  );
}
