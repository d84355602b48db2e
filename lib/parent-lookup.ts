import "server-only";
import { GetDurableExecutionCommand, ListDurableExecutionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { parseHistory } from "@durable-lens/sdk/history";
import { mapLimited } from "./concurrency";
import { readEventsWithoutData } from "./history-events";
import { getLambdaClient } from "./lambda";
import type { ParentExecution, ParentLookupResponse } from "./parent-lookup-types";
import { listDurableFunctions } from "./service";

/** The bounds of one search: functions listed, candidates per function, histories read. */
export interface ParentSearchBounds {
  functions: number;
  perFunction: number;
  histories: number;
}

export const PARENT_SEARCH_BOUNDS: ParentSearchBounds = { functions: 25, perFunction: 10, histories: 40 };
/** Clocks of the list and of the history may differ a little: a parent may seem to start just after its child. */
const CLOCK_SLACK_MS = 1000;
const CONCURRENCY = 5;

interface Candidate {
  arn: string;
  name: string;
  functionName: string;
  startedAt: number;
}

function isNotFound(error: unknown): boolean {
  return (error as { name?: unknown }).name === "ResourceNotFoundException";
}

/** Executions of a function that were running when the child started: started before it, not ended before it. */
async function candidatesIn(functionName: string, childArn: string, childStart: number, max: number): Promise<{ found: Candidate[]; more: boolean }> {
  try {
    const out = await getLambdaClient().send(
      new ListDurableExecutionsByFunctionCommand({ FunctionName: functionName, StartedBefore: new Date(childStart + CLOCK_SLACK_MS), MaxItems: max }),
    );
    const found = (out.DurableExecutions ?? []).flatMap((e): Candidate[] => {
      const ended = e.EndTimestamp?.getTime();
      if (!e.DurableExecutionArn || e.DurableExecutionArn === childArn) return [];
      if (ended !== undefined && ended < childStart - CLOCK_SLACK_MS) return [];
      return [{ arn: e.DurableExecutionArn, name: e.DurableExecutionName ?? "", functionName, startedAt: e.StartTimestamp?.getTime() ?? 0 }];
    });
    return { found, more: Boolean(out.NextMarker) };
  } catch (error) {
    if (isNotFound(error)) return { found: [], more: false };
    throw error;
  }
}

/** The chained invoke in a candidate's history that started the child, if any. */
async function invokeOf(candidate: Candidate, childArn: string): Promise<ParentExecution | undefined> {
  let events: unknown[];
  try {
    events = await readEventsWithoutData(candidate.arn);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const started = parseHistory(events).events.find(
    (e) => e.EventType === "ChainedInvokeStarted" && e.ChainedInvokeStartedDetails?.DurableExecutionArn === childArn,
  );
  if (!started?.Id) return undefined;
  const parent: ParentExecution = { arn: candidate.arn, name: candidate.name, functionName: candidate.functionName, operationId: started.Id };
  if (started.Name) parent.operationName = started.Name;
  return parent;
}

/**
 * The execution whose chained invoke started `childArn`. Neither Lambda's API nor the child's
 * history names the caller, so this reads the histories of the executions that were running when
 * the child started (closest start first) for a ChainedInvokeStarted naming the child, within
 * bounds; the answer says how much it searched and whether it stopped early.
 *
 * @example (await findParentExecution(childArn)).parent?.name
 */
export async function findParentExecution(childArn: string, bounds: ParentSearchBounds = PARENT_SEARCH_BOUNDS): Promise<ParentLookupResponse> {
  const child = await getLambdaClient().send(new GetDurableExecutionCommand({ DurableExecutionArn: childArn }));
  const childStart = child.StartTimestamp?.getTime();
  const functions = await listDurableFunctions();
  const searched = functions.slice(0, bounds.functions);
  const base = { executionsSearched: 0, functionsSearched: searched.length, functionsTotal: functions.length };
  if (childStart === undefined) return { ...base, partial: true };
  const lists = await mapLimited(searched, CONCURRENCY, (fn) => candidatesIn(fn.name, childArn, childStart, bounds.perFunction));
  const candidates = lists.flatMap((l) => l.found).sort((a, b) => b.startedAt - a.startedAt);
  const read = candidates.slice(0, bounds.histories);
  const partial = searched.length < functions.length || lists.some((l) => l.more) || read.length < candidates.length;
  // In batches, so the search stops at the first batch that holds the parent.
  for (let i = 0; i < read.length; i += CONCURRENCY) {
    const batch = read.slice(i, i + CONCURRENCY);
    const found = (await mapLimited(batch, CONCURRENCY, (c) => invokeOf(c, childArn))).find((p) => p !== undefined);
    if (found) return { ...base, parent: found, executionsSearched: i + batch.length, partial: false };
  }
  return { ...base, executionsSearched: read.length, partial };
}
