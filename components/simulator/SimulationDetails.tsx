"use client";
import { historyCheckpoints } from "@durable-lens/sdk/history";
import type { SimulationSnapshot } from "@durable-lens/sdk/replay";
import { useMemo } from "react";
import { buttonStyles } from "@/components/actions/styles";
import { formatTimestamp } from "@/lib/format";

/**
 * The simulation's run so far: its invocations (replayed from the log vs run fresh), its
 * checkpoints (counted as the execution page counts them; each a point to fork from, by the
 * EventId it ends at) and the lines the workflow logged, at their virtual time.
 *
 * @example <SimulationDetails snapshot={snapshot} onFork={(n, eventId) => fork(n, eventId)} busy={busy} />
 */
export function SimulationDetails({ snapshot, onFork, busy }: { snapshot: SimulationSnapshot; onFork: (checkpoint: number, throughEventId: number) => void; busy: boolean }) {
  const checkpoints = useMemo(() => historyCheckpoints(snapshot.events), [snapshot.events]);
  return (
    <div className="space-y-4">
      <section className="space-y-1" data-testid="sim-invocations">
        <h3 className="text-sm font-semibold text-zinc-800">Invocations</h3>
        <ol className="space-y-1 text-sm">
          {snapshot.invocations.map((inv) => (
            <li key={inv.number} data-testid="sim-invocation" className="rounded border border-zinc-200 px-2 py-1">
              <span className="font-medium">#{inv.number}</span> · {inv.replayedIds.length} replayed from the log · {inv.freshIds.length} run fresh
              {inv.status ? <span className="text-zinc-500"> · returned {inv.status}</span> : <span className="text-sky-700"> · running</span>}
            </li>
          ))}
        </ol>
      </section>
      <section className="space-y-1" data-testid="sim-checkpoints">
        <h3 className="text-sm font-semibold text-zinc-800">
          Checkpoints <span className="font-normal text-zinc-500" data-testid="sim-checkpoint-count">{checkpoints.length}</span>
        </h3>
        {checkpoints.length === 0 ? <p className="text-sm text-zinc-500">None yet.</p> : null}
        <ol className="max-h-48 space-y-1 overflow-auto text-sm">
          {checkpoints.map((c, i) => {
            const through = c.eventIds.at(-1)!;
            return (
              <li key={through} className="flex items-center justify-between gap-2" data-testid="sim-checkpoint">
                <span>
                  #{i + 1} <span className="text-zinc-500">· through event {through}</span>
                </span>
                <button type="button" className={`${buttonStyles.secondary} px-2 py-0.5 text-xs`} disabled={busy} onClick={() => onFork(i + 1, through)} data-testid="fork-checkpoint">
                  Fork from here
                </button>
              </li>
            );
          })}
        </ol>
      </section>
      <section className="space-y-1" data-testid="sim-logs">
        <h3 className="text-sm font-semibold text-zinc-800">Log</h3>
        {snapshot.logs.length === 0 ? <p className="text-sm text-zinc-500">The workflow has logged nothing (replayed code logs nothing, as in Lambda).</p> : null}
        <ol className="max-h-64 space-y-0.5 overflow-auto font-mono text-xs">
          {snapshot.logs.map((line, i) => (
            <li key={i} data-testid="sim-log-line" className={line.level === "error" ? "text-red-700" : line.level === "warn" ? "text-amber-700" : "text-zinc-700"}>
              <span className="text-zinc-400">
                <time dateTime={new Date(line.atMs).toISOString()} data-testid="sim-log-time">
                  {formatTimestamp(new Date(line.atMs), true)}
                </time>{" "}
                · inv {line.invocation}
              </span>{" "}
              {line.text}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
