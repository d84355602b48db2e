"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ExecutionSummary } from "@/lib/api-types";
import { useTarget } from "@/lib/queries";
import { functionPath } from "@/lib/segments";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorBox, QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { SkeletonRows } from "@/components/ui/Skeleton";
import { summarizeCheck } from "./check-format";
import { CheckResultsTable } from "./CheckResultsTable";
import { CodeSourcePicker } from "./CodeSourcePicker";
import { defaultChoice, exportNameProblem, moduleFileProblem, resolveCodeSource, type CodeChoice } from "@/components/simulator/code-source";
import { DEFAULT_RUN_COUNT, RUN_COUNTS, useRunningExecutions } from "./running-executions";
import { useCodeCheck, type CheckOutcome } from "./use-code-check";

const button = "rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";

/** The sample functions' names; their code is loaded apart from the page, only when asked for. */
function useSampleNames() {
  return useQuery({
    queryKey: ["sample-function-names"] as const,
    queryFn: async () => (await import("@durable-lens/sdk/examples")).sampleFunctions.map((f) => f.name),
    staleTime: Infinity,
    retry: false,
  });
}

function Summary({ outcome }: { outcome: CheckOutcome }) {
  const summary = summarizeCheck(outcome.results);
  return (
    <div
      className={`rounded-lg border p-3 text-sm ${summary.passed ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"}`}
      data-testid="check-summary-box"
      data-passed={summary.passed}
    >
      <p className="font-semibold" data-testid="check-summary">
        {summary.text}
      </p>
      <p className="text-xs">
        Checked against {outcome.label} at {outcome.checkedAt.toLocaleTimeString()}.{" "}
        {summary.passed
          ? "This code replays every execution checked the way it was recorded."
          : summary.diverged > 0
            ? "Executions that diverged would fail on their next replay if this code were deployed now."
            : summary.crashed > 0
              ? "The code threw where the recorded executions went on: fix the exception shown in each row."
              : ""}
      </p>
    </div>
  );
}

/**
 * The check page's content: a function's latest running executions, the code to check them
 * against, and each execution's verdict after the simulator replayed it against that code.
 *
 * @example <CheckView functionName="approval-flow" />
 */
export function CheckView({ functionName }: { functionName: string }) {
  const [count, setCount] = useState(DEFAULT_RUN_COUNT);
  const list = useRunningExecutions(functionName, count);
  const target = useTarget();
  const samples = useSampleNames();
  const hasSample = samples.data?.includes(functionName) ?? false;
  const [picked, setPicked] = useState<CodeChoice>();
  const choice = picked ?? defaultChoice(hasSample, target.data?.target);
  const [file, setFile] = useState<File>();
  const [exportName, setExportName] = useState("");
  const check = useCodeCheck(functionName);
  // The rows a finished check is about, kept while the list is refetched.
  const [checked, setChecked] = useState<readonly ExecutionSummary[]>([]);

  const running = check.state.phase === "running";
  const outcome = check.state.phase === "done" ? check.state.outcome : undefined;
  const results = useMemo(() => (outcome ? new Map(outcome.results.map((r) => [r.arn, r])) : undefined), [outcome]);
  // The default choice depends on both; until they answer, a click could check the wrong code.
  const settled = !samples.isPending && !target.isPending;
  const executions = list.data;
  const codeMissing = choice === "upload" && (!file || moduleFileProblem(file.name) !== undefined || exportNameProblem(exportName) !== undefined);
  const canRun = settled && !running && !codeMissing && (executions?.length ?? 0) > 0;

  const start = () => {
    if (!executions) return;
    setChecked(executions);
    void check.run(
      executions.map((e) => e.arn),
      () => resolveCodeSource({ choice, functionName, file, exportName }),
    );
  };
  const changeCount = (n: number) => {
    setCount(n);
    check.clear();
  };
  const refresh = () => {
    void list.refetch();
    check.clear();
  };

  return (
    <div className="space-y-4">
      <div className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4">
        <CodeSourcePicker
          functionName={functionName}
          hasSample={hasSample}
          target={target.data?.target}
          choice={choice}
          onChoice={setPicked}
          file={file}
          onFile={setFile}
          exportName={exportName}
          onExportName={setExportName}
          disabled={running}
        />
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-zinc-600">
            Latest
            <select
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm"
              value={count}
              disabled={running}
              onChange={(e) => changeCount(Number(e.target.value))}
              data-testid="check-count"
            >
              {RUN_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            running executions
          </label>
          <button type="button" className={`${button} border-sky-700 bg-sky-700 text-white hover:bg-sky-800`} disabled={!canRun} onClick={start} data-testid="check-run">
            {running ? "Checking…" : "Run check"}
          </button>
          {running ? (
            <button type="button" className={`${button} border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100`} onClick={check.cancel} data-testid="check-cancel">
              Cancel
            </button>
          ) : null}
          <button type="button" className="text-sm text-sky-700 hover:underline disabled:text-zinc-400" onClick={refresh} disabled={running || list.isFetching}>
            {list.isFetching ? "Refreshing…" : "Refresh list"}
          </button>
        </div>
      </div>

      {check.state.phase === "running" ? <Loading label={check.state.step} /> : null}
      {check.state.phase === "failed" ? <ErrorBox title={check.state.title} message={check.state.message} /> : null}
      {outcome ? <Summary outcome={outcome} /> : null}

      {outcome ? (
        <CheckResultsTable executions={checked} results={results} notes={outcome.notes} />
      ) : list.isPending ? (
        <SkeletonRows rows={4} columns={4} label="Loading running executions…" />
      ) : list.error ? (
        <QueryErrorBox title={`Could not list the running executions of ${functionName}`} error={list.error} />
      ) : executions && executions.length === 0 ? (
        <EmptyState
          title={`${functionName} has no running executions.`}
          action={
            <Link href={functionPath(functionName)} className="text-sm text-sky-700 hover:underline">
              ← All executions of {functionName}
            </Link>
          }
        >
          <p>A check replays running executions, the ones a new version of the code would have to resume.</p>
        </EmptyState>
      ) : executions ? (
        <CheckResultsTable executions={executions} />
      ) : null}
    </div>
  );
}
