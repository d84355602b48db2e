"use client";
import Link from "next/link";
import { createHistoryParser } from "@durable-lens/sdk/history";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import { useMemo, useState } from "react";
import { useExecution } from "@/lib/queries";
import { executionPath } from "@/lib/segments";
import { ExecutionBreadcrumb } from "@/components/execution/ExecutionBreadcrumb";
import { ErrorBox, QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { SimulatorPanel } from "./SimulatorPanel";

/**
 * The simulator page of an execution on the target service: its history as it is now (read
 * once: a simulation replays a fixed record), and the simulator over it.
 *
 * @example <SimulateExecutionView arn={arn} />
 */
export function SimulateExecutionView({ arn }: { arn: string }) {
  const { data, error, isPending } = useExecution(arn);
  const [parse] = useState(createHistoryParser);
  // The first history read is the record; later polls would change it under a running simulation.
  const [recording, setRecording] = useState<ReturnType<typeof parse>>();
  const parsed = useMemo(() => (data?.events ? parse(data.events) : undefined), [parse, data?.events]);
  if (parsed && !recording) setRecording(parsed);
  const fn = parseDurableExecutionArn(arn)?.functionName;

  return (
    <div className="space-y-4">
      <ExecutionBreadcrumb arn={arn}>
        {" / "}
        <Link href={executionPath(arn)} className="hover:underline">
          execution
        </Link>
        {" / replay with code"}
      </ExecutionBreadcrumb>
      <h1 className="text-lg font-semibold">Replay {data?.execution.name ?? "the execution"} with code</h1>
      <p className="max-w-3xl text-sm text-zinc-600">
        The durable runtime re-runs the workflow in your browser against this history, checkpoint by checkpoint. Steps never run for real: each attempt gets the outcome the history recorded, or the one you give it.
      </p>
      {isPending ? (
        <Loading label="Loading the execution…" />
      ) : error ? (
        <QueryErrorBox title="Could not load this execution" error={error} />
      ) : !fn ? (
        <ErrorBox title="Not a durable execution ARN" message={`Cannot tell the function of ${arn}`} />
      ) : recording ? (
        <SimulatorPanel recording={recording.events} functionName={fn} executionArn={arn} />
      ) : null}
    </div>
  );
}
