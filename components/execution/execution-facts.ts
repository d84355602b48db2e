/**
 * What the execution header shows, from the service's execution summary when there is one and
 * from the history otherwise (an opened file has no summary).
 */
import type { OperationView } from "@durable-lens/sdk/history";
import type { ErrorObject } from "@durable-lens/sdk/protocol";
import type { ExecutionDetail } from "@/lib/api-types";

export interface ExecutionFacts {
  name: string;
  arn?: string;
  /** An execution status (RUNNING, SUCCEEDED, ...). */
  status: string;
  startedAt?: string | Date;
  endedAt?: string | Date;
  version?: string;
  input?: string;
  result?: string;
  error?: ErrorObject;
  /** Why a running execution is not being invoked, when the service says. */
  waitingReason?: string;
  running: boolean;
}

/** Operation statuses of the EXECUTION operation, in the words of an execution's status. */
const EXECUTION_STATUS: Readonly<Record<string, string>> = {
  STARTED: "RUNNING",
  PENDING: "RUNNING",
};

/**
 * The header's facts: the summary wins where it says something; the history fills the rest.
 *
 * @example executionFacts(undefined, projection.operations[0], "orders.json").status // "SUCCEEDED"
 */
export function executionFacts(execution: ExecutionDetail | undefined, root: OperationView | undefined, title?: string): ExecutionFacts {
  const historyStatus = root ? (EXECUTION_STATUS[root.status] ?? root.status) : "UNKNOWN";
  const status = execution?.status ?? historyStatus;
  return {
    name: execution?.name ?? title ?? root?.name ?? "Execution",
    arn: execution?.arn,
    status,
    startedAt: execution?.startedAt ?? root?.startedAt,
    endedAt: execution?.endedAt ?? root?.endedAt,
    version: execution?.version,
    input: execution?.input ?? root?.input,
    result: execution ? execution.result : root?.result,
    error: execution ? execution.error : root?.error,
    ...(status === "RUNNING" && execution?.waitingReason && { waitingReason: execution.waitingReason }),
    running: status === "RUNNING",
  };
}
