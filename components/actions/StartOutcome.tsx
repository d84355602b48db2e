"use client";
import Link from "next/link";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import type { StartResponse } from "@/lib/action-types";
import { prettyPayload } from "@/lib/format";
import { executionPath } from "@/lib/segments";

/**
 * What a start did: the execution it started (with a link), and for a synchronous start its
 * result or the function's error.
 *
 * @example <StartOutcome outcome={mutation.data} />
 */
export function StartOutcome({ outcome }: { outcome: StartResponse }) {
  const name = outcome.arn ? parseDurableExecutionArn(outcome.arn)?.executionName : undefined;
  return (
    <div role="status" className="space-y-2 text-sm" data-testid="start-outcome">
      <p className={outcome.functionError ? "text-red-800" : "text-emerald-700"}>
        {outcome.mode === "async"
          ? `Started ${name ?? "an execution"} of ${outcome.functionName}; it runs in the background.`
          : outcome.functionError
            ? `${name ?? "The execution"} of ${outcome.functionName} ended with an error (${outcome.functionError}).`
            : `${name ?? "The execution"} of ${outcome.functionName} finished.`}
      </p>
      {outcome.arn ? (
        <Link href={executionPath(outcome.arn)} className="text-sky-700 hover:underline" data-testid="started-execution-link">
          Open the execution →
        </Link>
      ) : null}
      {outcome.mode === "sync" && outcome.result !== undefined ? (
        <pre className="max-h-48 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs">{prettyPayload(outcome.result) || "(no result)"}</pre>
      ) : null}
    </div>
  );
}
