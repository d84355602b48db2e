import "server-only";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
  type ErrorObject as SdkErrorObject,
  type Execution as SdkExecution,
} from "@aws-sdk/client-lambda";
import { parseFunctionName, type ErrorObject, type ExecutionStatus } from "@durable-lens/sdk/protocol";
import type {
  ExecutionResponse,
  ExecutionSummary,
  ExecutionsResponse,
  FunctionCountsResponse,
  FunctionSummary,
  StatusCount,
} from "./api-types";
import { getLambdaClient } from "./lambda";
import type { ExecutionsQuery } from "./validation";

/** Upper bounds on paging, so a misbehaving service cannot keep a request running forever. */
const MAX_FUNCTION_PAGES = 50;
const MAX_HISTORY_PAGES = 100;
const HISTORY_PAGE_SIZE = 1000;
/** Counting stops after this many executions of a status: one page of the list call. */
const COUNT_CAP = 1000;

function iso(date: Date | undefined): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function errorObject(e: SdkErrorObject | undefined): ErrorObject | undefined {
  if (!e) return undefined;
  const out: ErrorObject = {};
  if (e.ErrorType) out.ErrorType = e.ErrorType;
  if (e.ErrorMessage) out.ErrorMessage = e.ErrorMessage;
  if (e.ErrorData) out.ErrorData = e.ErrorData;
  if (e.StackTrace?.length) out.StackTrace = e.StackTrace;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * An execution as the lists show it, from the service's description of it.
 *
 * @example summary(await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).status
 */
export function summary(e: SdkExecution): ExecutionSummary {
  const out: ExecutionSummary = {
    arn: e.DurableExecutionArn ?? "",
    name: e.DurableExecutionName ?? "",
    status: (e.Status ?? "RUNNING") as ExecutionStatus,
    startedAt: iso(e.StartTimestamp) ?? "",
  };
  const endedAt = iso(e.EndTimestamp);
  if (endedAt) out.endedAt = endedAt;
  const version = e.FunctionArn ? parseFunctionName(e.FunctionArn)?.qualifier : undefined;
  if (version) out.version = version;
  return out;
}

/**
 * The function and qualifier to ask about: `name:qualifier` from the path is split in two (an ARN
 * is passed as it is), and a qualifier in the query wins over one in the name.
 */
function functionAndQualifier(functionName: string, qualifier: string | undefined): { FunctionName: string; Qualifier?: string } {
  const ref = functionName.startsWith("arn:") ? undefined : parseFunctionName(functionName);
  const name = ref?.qualifier ? ref.name : functionName;
  const q = qualifier ?? ref?.qualifier;
  return q ? { FunctionName: name, Qualifier: q } : { FunctionName: name };
}

/**
 * The durable functions of the target (those with a DurableConfig), across all pages, by name.
 *
 * @example (await listDurableFunctions()).map((f) => f.name)
 */
export async function listDurableFunctions(): Promise<FunctionSummary[]> {
  const client = getLambdaClient();
  const functions: FunctionSummary[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_FUNCTION_PAGES; page++) {
    const out = await client.send(new ListFunctionsCommand({ Marker: marker, MaxItems: 50 }));
    for (const fn of out.Functions ?? []) {
      if (!fn.DurableConfig || !fn.FunctionName) continue;
      const item: FunctionSummary = { name: fn.FunctionName, arn: fn.FunctionArn ?? "" };
      if (fn.Description) item.description = fn.Description;
      functions.push(item);
    }
    if (!out.NextMarker || out.NextMarker === marker) break;
    marker = out.NextMarker;
  }
  return functions.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One page of a function's executions.
 *
 * @example await listExecutions("order-processor", { status: ["RUNNING"], order: "newest" })
 */
export async function listExecutions(functionName: string, query: ExecutionsQuery): Promise<ExecutionsResponse> {
  const out = await getLambdaClient().send(
    new ListDurableExecutionsByFunctionCommand({
      ...functionAndQualifier(functionName, query.qualifier),
      Statuses: query.status.length > 0 ? query.status : undefined,
      DurableExecutionName: query.name,
      StartedAfter: query.startedAfter,
      StartedBefore: query.startedBefore,
      Marker: query.marker,
      MaxItems: query.maxItems,
      // Lambda lists newest first unless ReverseOrder is set (the opposite of the history call).
      ReverseOrder: query.order === "oldest" ? true : undefined,
    }),
  );
  const response: ExecutionsResponse = { executions: (out.DurableExecutions ?? []).map(summary) };
  if (out.NextMarker) response.nextMarker = out.NextMarker;
  return response;
}

async function countWithStatus(functionName: string, status: ExecutionStatus): Promise<StatusCount> {
  const out = await getLambdaClient().send(
    new ListDurableExecutionsByFunctionCommand({ ...functionAndQualifier(functionName, undefined), Statuses: [status], MaxItems: COUNT_CAP }),
  );
  return { count: out.DurableExecutions?.length ?? 0, more: Boolean(out.NextMarker) };
}

/**
 * How many executions of a function are running and how many failed (up to 1,000 each).
 *
 * @example (await countExecutions("order-processor")).running.count
 */
export async function countExecutions(functionName: string): Promise<FunctionCountsResponse> {
  const [running, failed] = await Promise.all([countWithStatus(functionName, "RUNNING"), countWithStatus(functionName, "FAILED")]);
  return { running, failed };
}

/**
 * An execution with its input and outcome, and its whole history (every page).
 *
 * @example (await getExecutionWithHistory(arn)).events.length
 */
export async function getExecutionWithHistory(arn: string): Promise<ExecutionResponse> {
  const client = getLambdaClient();
  const readHistory = async () => {
    const events: unknown[] = [];
    let marker: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const out = await client.send(
        new GetDurableExecutionHistoryCommand({
          DurableExecutionArn: arn,
          IncludeExecutionData: true,
          MaxItems: HISTORY_PAGE_SIZE,
          Marker: marker,
        }),
      );
      events.push(...(out.Events ?? []));
      if (!out.NextMarker || out.NextMarker === marker) return { events, truncated: false };
      marker = out.NextMarker;
    }
    return { events, truncated: true };
  };
  const [execution, history] = await Promise.all([
    client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: true })),
    readHistory(),
  ]);
  const detail: ExecutionResponse["execution"] = {
    ...summary({
      DurableExecutionArn: execution.DurableExecutionArn ?? arn,
      DurableExecutionName: execution.DurableExecutionName,
      FunctionArn: execution.FunctionArn,
      Status: execution.Status,
      StartTimestamp: execution.StartTimestamp,
      EndTimestamp: execution.EndTimestamp,
    }),
    functionArn: execution.FunctionArn ?? "",
  };
  if (execution.Version) detail.version = execution.Version;
  if (execution.InputPayload !== undefined) detail.input = execution.InputPayload;
  if (execution.Result !== undefined) detail.result = execution.Result;
  const error = errorObject(execution.Error);
  if (error) detail.error = error;
  return { execution: detail, events: history.events, eventsTruncated: history.truncated };
}
