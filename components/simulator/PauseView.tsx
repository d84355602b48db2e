"use client";
import type { AppliedWhatIf, CheckpointView, Outcome, PendingWork, SimulationPause } from "@durable-lens/sdk/replay";
import { buttonStyles } from "@/components/actions/styles";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { ErrorObjectView } from "@/components/ui/ErrorObjectView";
import { PayloadView } from "@/components/ui/PayloadView";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { formatTimestamp } from "@/lib/format";
import { CrashView } from "./CrashView";
import { DivergenceView } from "./DivergenceView";
import { WhatIfList } from "./WhatIfList";
import { OutcomeForm } from "./OutcomeForm";

/** What the user can do at a pause. */
export interface PauseActions {
  /** The step attempts what-ifs answered so far: part of how the run ended. */
  whatIfs: readonly AppliedWhatIf[];
  busy: boolean;
  answer: (outcome: Outcome) => void;
  resolveCallback: (operationId: string, outcome: Outcome) => void;
  advance: (seconds?: number) => void;
}

function Updates({ checkpoint }: { checkpoint: CheckpointView }) {
  return (
    <table className="w-full text-left text-sm" data-testid="checkpoint-updates">
      <thead className="text-xs text-zinc-500">
        <tr>
          <th className="py-1 pr-2">Action</th>
          <th className="py-1 pr-2">Operation</th>
          <th className="py-1 pr-2">Name</th>
          <th className="py-1">Against the history</th>
        </tr>
      </thead>
      <tbody>
        {checkpoint.updates.map(({ update, recorded, divergence }, i) => (
          <tr key={i} data-testid="checkpoint-update" data-op-id={update.Id} className={divergence ? "bg-red-50" : ""}>
            <td className="py-1 pr-2 font-mono text-xs">{update.Action}</td>
            <td className="py-1 pr-2 font-mono text-xs">{update.SubType ?? update.Type}</td>
            <td className="py-1 pr-2 font-mono">{update.Name ?? "—"}</td>
            <td className="py-1 text-xs">
              {divergence ? <span className="font-medium text-red-700">diverges: {divergence.message}</span> : recorded ? <span className="text-emerald-700">matches the record</span> : <span className="text-amber-700">beyond the record</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pending({ work, actions, nowMs }: { work: PendingWork[]; actions: PauseActions; nowMs: number }) {
  if (work.length === 0) return <p className="text-sm text-zinc-600">Nothing is pending.</p>;
  return (
    <ul className="space-y-3">
      {work.map((w) => (
        <li key={w.operationId} className="space-y-2 rounded-md border border-zinc-200 p-3" data-testid="pending-work" data-op-id={w.operationId}>
          <p className="text-sm">
            <span className="font-mono">{w.name ?? w.operationId}</span> <span className="text-zinc-500">· {w.kind}</span>
            {w.atMs !== undefined ? <span className="text-zinc-500"> · timer at {formatTimestamp(new Date(w.atMs))}</span> : null}
          </p>
          {w.kind === "callback" ? (
            <OutcomeForm testId="callback-outcome" submitLabel="Send to the callback" disabled={actions.busy} onSubmit={(o) => actions.resolveCallback(w.operationId, o)} />
          ) : null}
          {w.atMs !== undefined ? (
            <button type="button" className={buttonStyles.secondary} disabled={actions.busy} onClick={() => actions.advance(Math.max(0, (w.atMs! - nowMs) / 1000))} data-testid="advance-clock">
              Advance the clock to this timer
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The simulation's current pause: a checkpoint and its updates, a question about an outcome,
 * what is pending when the record has nothing more, the divergence, or the end.
 *
 * @example <PauseView pause={pause} actions={actions} nowMs={snapshot.nowMs} />
 */
export function PauseView({ pause, actions, nowMs }: { pause: SimulationPause; actions: PauseActions; nowMs: number }) {
  switch (pause.kind) {
    case "checkpoint":
      return (
        <div className="space-y-2" data-testid="pause-checkpoint">
          <h3 className="text-sm font-semibold">
            Checkpoint call {pause.checkpoint.number} · invocation {pause.checkpoint.invocation}
          </h3>
          <Updates checkpoint={pause.checkpoint} />
        </div>
      );
    case "outcome-needed": {
      const r = pause.request;
      return (
        <div className="space-y-2" data-testid="pause-outcome">
          <h3 className="text-sm font-semibold">How does {r.name ? `"${r.name}"` : r.operationId} turn out?</h3>
          <p className="text-sm text-zinc-600">
            {r.reason === "beyond-record" ? "The code went past the recorded history" : "The history has no outcome for this"}
            {r.attempt ? ` (attempt ${r.attempt})` : ""}. The simulator never runs a step for real: say what it returns, or stop here.
          </p>
          <OutcomeForm testId="step-outcome" submitLabel="Use this outcome" disabled={actions.busy} onSubmit={actions.answer} />
        </div>
      );
    }
    case "idle":
      return (
        <div className="space-y-2" data-testid="pause-idle">
          <h3 className="text-sm font-semibold">The history has nothing more to replay</h3>
          <p className="text-sm text-zinc-600">The execution waits. Answer a callback or move the clock to see what the code does next.</p>
          <Pending work={pause.pending} actions={actions} nowMs={nowMs} />
        </div>
      );
    case "diverged":
      return (
        <div className="space-y-2 rounded-md border border-red-300 bg-white p-3" data-testid="pause-diverged">
          <h3 className="text-sm font-semibold text-red-800">The code diverges from the history</h3>
          <DivergenceView divergence={pause.divergence} />
        </div>
      );
    case "crashed":
      return (
        <div className="space-y-2 rounded-md border border-rose-300 bg-white p-3" data-testid="pause-crashed">
          <h3 className="text-sm font-semibold text-rose-900">The code threw an exception</h3>
          <p className="text-xs text-zinc-600">The history goes on past this point: the code failed where the recorded run did not. This is an error in the code, not a divergence from the history.</p>
          <CrashView error={pause.error} />
          <WhatIfList whatIfs={actions.whatIfs} />
        </div>
      );
    case "ended":
      return (
        <div className="space-y-2" data-testid="pause-ended">
          <h3 className="flex items-center gap-2 text-sm font-semibold">
            The simulated execution ended <StatusBadge status={pause.status} />
          </h3>
          {pause.error ? <ErrorObjectView error={pause.error} /> : <PayloadView payload={pause.result} testId="simulated-result" />}
          {pause.thrown ? (
            <div className="space-y-1">
              <p className="text-xs font-medium text-zinc-700">The code threw this, as the recorded run did:</p>
              <CrashView error={pause.thrown} />
            </div>
          ) : null}
          <WhatIfList whatIfs={actions.whatIfs} />
        </div>
      );
    case "error":
      return <ErrorBox title="The simulation stopped" message={pause.message} />;
  }
}
