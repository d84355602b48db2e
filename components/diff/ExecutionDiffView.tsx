"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import type { ExecutionDetail } from "@/lib/api-types";
import { formatTimestamp } from "@/lib/format";
import { executionPath } from "@/lib/segments";
import { ErrorBox, QueryErrorBox } from "@/components/ui/ErrorBox";
import { Loading } from "@/components/ui/Loading";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { CompareWithPicker } from "./CompareWithPicker";
import { DiffProblems } from "./DiffProblems";
import { ExecutionDiff } from "./ExecutionDiff";
import { diffPath } from "./diff-path";
import { useComparedExecution } from "./use-compared-execution";

function SideHeader({ side, execution, truncated, action }: { side: "Left" | "Right"; execution: ExecutionDetail; truncated: boolean; action?: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1 rounded-lg border border-zinc-200 bg-white p-3" data-testid={`diff-side-${side.toLowerCase()}`}>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{side}</p>
        {action}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={executionPath(execution.arn)} className="truncate font-mono font-semibold text-sky-800 hover:underline" data-testid="diff-side-name">
          {execution.name}
        </Link>
        <StatusBadge status={execution.status} />
      </div>
      <p className="font-mono text-xs text-zinc-500">started {formatTimestamp(execution.startedAt)}</p>
      {truncated ? (
        <p className="text-xs text-amber-800" data-testid="diff-history-truncated">
          Its history is longer than the server reads at once: only the first part is compared.
        </p>
      ) : null}
    </div>
  );
}

/** Names to head the two sides with; the same execution twice (or two of the same name) gets told apart. */
function labels(left: ExecutionDetail, right: ExecutionDetail): [string, string] {
  return left.name === right.name ? [`${left.name} (left)`, `${right.name} (right)`] : [left.name, right.name];
}

function LoadedDiff({ leftArn, rightArn }: { leftArn: string; rightArn: string }) {
  const left = useComparedExecution(leftArn);
  const right = useComparedExecution(rightArn);
  const failures = [
    { side: "left", error: left.query.error },
    { side: "right", error: right.query.error },
  ].filter((f) => f.error);
  if (failures.length > 0) {
    return (
      <div className="space-y-3">
        {failures.map((f) => (
          <QueryErrorBox key={f.side} title={`Could not load the ${f.side} execution`} error={f.error} />
        ))}
      </div>
    );
  }
  if (!left.query.data || !right.query.data || !left.parsed || !right.parsed) return <Loading label="Loading both executions…" />;
  const [leftLabel, rightLabel] = labels(left.query.data.execution, right.query.data.execution);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 md:grid-cols-[1fr_auto_1fr] md:items-center">
        <SideHeader side="Left" execution={left.query.data.execution} truncated={left.query.data.eventsTruncated} />
        <Link href={diffPath(rightArn, leftArn)} className="justify-self-center rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100" data-testid="diff-swap">
          ⇄ Swap
        </Link>
        {/* Picking another execution here replaces the left side: the right one is compared with it. */}
        <SideHeader side="Right" execution={right.query.data.execution} truncated={right.query.data.eventsTruncated} action={<CompareWithPicker arn={rightArn} />} />
      </div>
      <DiffProblems label={leftLabel} problems={left.parsed.problems} />
      <DiffProblems label={rightLabel} problems={right.parsed.problems} />
      <ExecutionDiff left={left.parsed.events} right={right.parsed.events} leftLabel={leftLabel} rightLabel={rightLabel} />
    </div>
  );
}

/**
 * The compare page's content: the executions named by `?left=<ARN>&right=<ARN>`, loaded and compared.
 * The ARNs are checked by the API, whose messages say what is wrong with them.
 *
 * @example <ExecutionDiffView />
 */
export function ExecutionDiffView() {
  const params = useSearchParams();
  const leftArn = params.get("left")?.trim() ?? "";
  const rightArn = params.get("right")?.trim() ?? "";
  const missing = [!leftArn && "left", !rightArn && "right"].filter(Boolean);
  if (missing.length > 0) {
    return (
      <ErrorBox
        title="Two executions are needed to compare"
        code="MissingParameter"
        message={`Missing query parameter ${missing.map((m) => `"${m}"`).join(" and ")}. Open /diff?left=<execution ARN>&right=<execution ARN>, or choose "Compare with…" on an execution's page.`}
      />
    );
  }
  return <LoadedDiff leftArn={leftArn} rightArn={rightArn} />;
}
