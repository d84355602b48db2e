"use client";
import { operationLabel, projectHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import type { Outcome, SimulationPause, SimulationSnapshot } from "@durable-lens/sdk/replay";
import { useMemo, useState } from "react";
import { buttonStyles, inputStyle, labelStyle } from "@/components/actions/styles";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { formatTimestamp } from "@/lib/format";
import { CodeSourcePicker } from "./CodeSourcePicker";
import { OutcomeForm } from "./OutcomeForm";
import { PauseView } from "./PauseView";
import { SimulatedRun } from "./SimulatedRun";
import { SimulationDetails } from "./SimulationDetails";
import { eventsThrough, seedBeforeInvocation } from "./simulation-inputs";
import { useSimulatorWorker } from "./use-simulator-worker";
import type { LabelledSource } from "./code-source";
import type { RunUntil, SimulatorRequest, SimulatorResponse } from "./worker-protocol";

interface Shown {
  pause: SimulationPause;
  snapshot: SimulationSnapshot;
}

/** Where a simulation starts: an invocation of the record, or a fork of a simulation. */
type StartFrom = { kind: "invocation"; number: number } | { kind: "fork"; checkpoint: number; seed: Event[] };

function StepWhatIf({ steps, busy, onOverride }: { steps: { id: string; label: string }[]; busy: boolean; onOverride: (id: string, outcome: Outcome, restart: boolean) => void }) {
  const [id, setId] = useState("");
  const [restart, setRestart] = useState(true);
  if (steps.length === 0) return null;
  return (
    <details className="rounded-lg border border-zinc-200 bg-white p-3" data-testid="step-what-if">
      <summary className="cursor-pointer text-sm font-semibold text-zinc-800">What if a step turned out differently?</summary>
      <div className="mt-2 space-y-2">
        <label className={labelStyle}>
          Step
          <select className={inputStyle} value={id} onChange={(e) => setId(e.target.value)} data-testid="what-if-step">
            <option value="">Choose a step…</option>
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={restart} onChange={(e) => setRestart(e.target.checked)} data-testid="what-if-restart" />
          Replay again from the start with it (otherwise its next attempt in this run)
        </label>
        <OutcomeForm testId="what-if-outcome" submitLabel="Apply the what-if" initialKind="fail" disabled={busy || !id} onSubmit={(o) => onOverride(id, o, restart)} />
      </div>
    </details>
  );
}

/**
 * The code replay simulator for one recorded history: pick the code, start, and step through
 * the checkpoints the runtime sends, with what the history answers, where the code diverges,
 * and what-ifs (answers, the clock, a step's outcome, forks).
 *
 * @example <SimulatorPanel recording={events} functionName="order-processor" executionArn={arn} />
 */
export function SimulatorPanel({ recording, functionName, executionArn }: { recording: readonly Event[]; functionName: string; executionArn?: string }) {
  const { send, busy } = useSimulatorWorker();
  const [code, setCode] = useState<LabelledSource>();
  const [startFrom, setStartFrom] = useState<StartFrom>({ kind: "invocation", number: 1 });
  const [shown, setShown] = useState<Shown>();
  const [problem, setProblem] = useState<string>();
  const recorded = useMemo(() => projectHistory(recording), [recording]);
  const invocationCount = recorded.invocations.length + (recorded.unfinishedInvocation ? 1 : 0);
  const steps = useMemo(() => recorded.operations.filter((op) => op.type === "STEP").map((op) => ({ id: op.id, label: `${operationLabel(op)} · ${op.id}` })), [recorded]);

  const run = async (request: SimulatorRequest) => {
    const answer: SimulatorResponse = await send(request);
    if (answer.type === "pause") {
      setShown({ pause: answer.pause, snapshot: answer.snapshot });
      setProblem(undefined);
    } else if (answer.type === "error") setProblem(answer.message);
  };
  const start = (from: StartFrom, extra: Partial<Extract<SimulatorRequest, { type: "start" }>> = {}) => {
    if (!code) return;
    setStartFrom(from);
    const seed = from.kind === "fork" ? from.seed : seedBeforeInvocation(recording, from.number);
    void run({ type: "start", recording: [...recording], functionName, code: code.source, seed, ...(executionArn && { executionArn }), ...(from.kind === "fork" && { whatIf: true }), ...extra });
  };
  const next = (until: RunUntil) => void run({ type: "next", until });
  const fork = (checkpoint: number, through: number) => {
    const snap = shown?.snapshot;
    if (!snap) return;
    start({ kind: "fork", checkpoint, seed: eventsThrough(snap.events, through) });
  };

  const pause = shown?.pause;
  const over = pause?.kind === "ended" || pause?.kind === "diverged" || pause?.kind === "crashed" || pause?.kind === "error";
  const override = (operationId: string, outcome: Outcome, restart: boolean) => {
    // A run that is over has no next attempt to answer: the what-if needs a new run.
    if (restart || !shown || over) start({ kind: "invocation", number: 1 }, { overrides: [{ operationId, outcome }], whatIf: true });
    else void run({ type: "override", operationId, outcome });
  };
  const canContinue = pause !== undefined && !over && pause.kind !== "outcome-needed" && pause.kind !== "idle";

  return (
    <div className="space-y-4" data-testid="simulator">
      <CodeSourcePicker functionName={functionName} onPick={setCode} picked={code} />
      <section className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-4">
        <label className={labelStyle}>
          Start at
          <select
            className={inputStyle}
            value={startFrom.kind === "invocation" ? startFrom.number : 1}
            onChange={(e) => setStartFrom({ kind: "invocation", number: Number(e.target.value) })}
            data-testid="start-at"
          >
            {Array.from({ length: Math.max(1, invocationCount) }, (_, i) => (
              <option key={i} value={i + 1}>
                {i === 0 ? "the beginning (invocation 1)" : `invocation ${i + 1} (replays the first ${i} from the log)`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonStyles.primary} disabled={!code || busy} onClick={() => start(startFrom.kind === "invocation" ? startFrom : { kind: "invocation", number: 1 })} data-testid="sim-start">
          {shown ? "Restart" : "Start the simulation"}
        </button>
        <button type="button" className={buttonStyles.secondary} disabled={!canContinue || busy} onClick={() => next("checkpoint")} data-testid="sim-next-checkpoint">
          Next checkpoint
        </button>
        <button type="button" className={buttonStyles.secondary} disabled={!canContinue || busy} onClick={() => next("invocation")} data-testid="sim-next-invocation">
          Next invocation
        </button>
        <button type="button" className={buttonStyles.secondary} disabled={!canContinue || busy} onClick={() => next("end")} data-testid="sim-run">
          Run to the next stop
        </button>
        {busy ? <span role="status" className="text-sm text-zinc-500">Running…</span> : null}
      </section>
      {problem ? <ErrorBox title="The simulator could not do that" message={problem} /> : null}
      {shown ? (
        <>
          <p className="text-xs text-zinc-500" data-testid="sim-status">
            Virtual time {formatTimestamp(new Date(shown.snapshot.nowMs))}
            {startFrom.kind === "fork" ? ` · forked from checkpoint ${startFrom.checkpoint}` : ""}
            {shown.snapshot.whatIf ? " · what-if: differences from the record are noted, not stopped at" : ""}
          </p>
          {/* minmax(0, …): a wide timeline or diff scrolls inside its column instead of pushing the side column off screen. */}
          <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" data-testid="sim-layout">
            <div className="min-w-0 space-y-4" data-testid="sim-main">
              <section className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="sim-pause">
                <PauseView
                  pause={shown.pause}
                  nowMs={shown.snapshot.nowMs}
                  actions={{
                    busy,
                    whatIfs: shown.snapshot.whatIfs,
                    answer: (outcome) => void run({ type: "outcome", outcome }),
                    resolveCallback: (operationId, outcome) => void run({ type: "callback", operationId, outcome }),
                    advance: (seconds) => void run({ type: "advance", ...(seconds !== undefined && { seconds }) }),
                  }}
                />
              </section>
              <SimulatedRun events={shown.snapshot.events} recording={recording} divergences={shown.snapshot.divergences} whatIfs={shown.snapshot.whatIfs} nowMs={shown.snapshot.nowMs} />
            </div>
            <div className="min-w-0 space-y-4" data-testid="sim-side">
              <StepWhatIf steps={steps} busy={busy} onOverride={override} />
              <SimulationDetails snapshot={shown.snapshot} onFork={fork} busy={busy} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
