"use client";
/**
 * Runs a check: gets the code, loads the executions' histories, and has the simulator's worker
 * replay each one against the code. One check at a time; a cancelled one is forgotten.
 */
import { useCallback, useRef, useState } from "react";
import type { CheckResult } from "@/components/simulator/worker-protocol";
import { useSimulatorWorker } from "@/components/simulator/use-simulator-worker";
import type { LabelledSource } from "@/components/simulator/code-source";
import { loadRuns, type LoadedRun } from "./running-executions";

/** What is known about an execution besides its verdict: what its history looked like when read. */
export type RunNotes = Pick<LoadedRun, "status" | "truncated" | "problems">;

/** A finished check. */
export interface CheckOutcome {
  /** Words for the code checked against. */
  label: string;
  /** In the order the executions were listed. */
  results: CheckResult[];
  notes: ReadonlyMap<string, RunNotes>;
  checkedAt: Date;
}

export type CheckState =
  | { phase: "idle" }
  | { phase: "running"; step: string }
  | { phase: "done"; outcome: CheckOutcome }
  /** The check as a whole could not run (the code could not be had or loaded). */
  | { phase: "failed"; title: string; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The check of a function's executions against some code, and its progress.
 *
 * @example const { state, run, cancel } = useCodeCheck("approval-flow"); await run(arns, () => resolveCodeSource({ choice: "sample", functionName: "approval-flow" }));
 */
export function useCodeCheck(functionName: string) {
  const { send, reset } = useSimulatorWorker();
  const [state, setState] = useState<CheckState>({ phase: "idle" });
  // Bumped by every start and cancel: an answer for an older check is dropped.
  const generation = useRef(0);

  const run = useCallback(
    async (arns: readonly string[], getCode: () => Promise<LabelledSource>) => {
      const mine = ++generation.current;
      const current = () => generation.current === mine;
      const fail = (title: string, error: unknown) => current() && setState({ phase: "failed", title, message: messageOf(error) });

      setState({ phase: "running", step: "Getting the code…" });
      let code: LabelledSource;
      try {
        code = await getCode();
      } catch (error) {
        fail("Could not get the code to check against", error);
        return;
      }
      if (!current()) return;

      setState({ phase: "running", step: `Loading the history of ${arns.length === 1 ? "1 execution" : `${arns.length} executions`}…` });
      const { runs, failures } = await loadRuns(arns);
      if (!current()) return;

      let replayed: CheckResult[] = [];
      if (runs.length > 0) {
        setState({ phase: "running", step: `Replaying ${runs.length === 1 ? "1 execution" : `${runs.length} executions`} against ${code.label}…` });
        const answer = await send({ type: "check", functionName, code: code.source, runs: runs.map((r) => ({ arn: r.arn, recording: r.recording })) });
        if (!current()) return;
        if (answer.type === "error") return void fail(`Could not check against ${code.label}`, answer.message);
        if (answer.type !== "checked") return void fail("Could not run the check", `The simulator answered a "${answer.type}" instead of the results`);
        replayed = answer.results;
      }

      const byArn = new Map<string, CheckResult>(replayed.map((r) => [r.arn, r]));
      for (const f of failures) byArn.set(f.arn, { arn: f.arn, verdict: "error", checkpoints: 0, stoppedAt: "error", message: f.message });
      const results = arns.map((arn) => byArn.get(arn)).filter((r): r is CheckResult => r !== undefined);
      const notes = new Map<string, RunNotes>(runs.map((r) => [r.arn, { status: r.status, truncated: r.truncated, problems: r.problems }]));
      setState({ phase: "done", outcome: { label: code.label, results, notes, checkedAt: new Date() } });
    },
    [functionName, send],
  );

  /** Stops a check that takes too long (code that never returns): its worker is dropped. */
  const cancel = useCallback(() => {
    generation.current += 1;
    reset();
    setState({ phase: "idle" });
  }, [reset]);

  /** Forgets the last check's results (the executions listed changed); a check under way goes on. */
  const clear = useCallback(() => setState((s) => (s.phase === "running" ? s : { phase: "idle" })), []);

  return { state, run, cancel, clear };
}
