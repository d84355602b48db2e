import "server-only";
import { GetDurableExecutionCommand, ListDurableExecutionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { DURABLE_EXECUTION_NAME, parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import { mapLimited } from "./concurrency";
import { HttpError } from "./errors";
import type { ExecutionLookupResponse, FoundExecution } from "./execution-lookup-types";
import { getLambdaClient } from "./lambda";
import { listDurableFunctions, summary } from "./service";

/** Functions searched by name per request: past it the answer says "searched N of M". */
export const MAX_FUNCTIONS_SEARCHED = 25;
/** Matches read per function (one page of the list call). */
const MATCHES_PER_FUNCTION = 20;
/** Functions asked at once. */
const CONCURRENCY = 5;

/** The text a user typed, read as an ARN (it starts with "arn:") or as an execution name. */
export type LookupQuery = { by: "arn"; arn: string } | { by: "name"; name: string };

/**
 * Reads `?q=`: an execution ARN, or a name (Lambda's execution name characters). Throws an
 * HttpError 400 that says what is wrong with it.
 *
 * @example parseLookupQuery(new URLSearchParams("q=order-1001")) // { by: "name", name: "order-1001" }
 */
export function parseLookupQuery(params: URLSearchParams): LookupQuery {
  const q = (params.get("q") ?? "").trim();
  if (q === "") throw new HttpError(400, "InvalidParameter", 'Invalid query parameter "q": type an execution name or ARN');
  if (q.startsWith("arn:")) {
    if (!parseDurableExecutionArn(q)) {
      throw new HttpError(
        400,
        "InvalidParameter",
        'Invalid query parameter "q": not a durable execution ARN (arn:aws:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<name>/<id>)',
      );
    }
    return { by: "arn", arn: q };
  }
  if (!DURABLE_EXECUTION_NAME.test(q)) {
    throw new HttpError(400, "InvalidParameter", 'Invalid query parameter "q": execution names are 1-64 letters, digits, - or _');
  }
  return { by: "name", name: q };
}

async function byArn(arn: string): Promise<ExecutionLookupResponse> {
  const none: ExecutionLookupResponse = { by: "arn", executions: [], functionsSearched: 0, functionsTotal: 0, partial: false };
  try {
    const out = await getLambdaClient().send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    const found: FoundExecution = { ...summary({ ...out, DurableExecutionArn: out.DurableExecutionArn ?? arn }), functionName: parseDurableExecutionArn(arn)!.functionName };
    return { ...none, executions: [found] };
  } catch (error) {
    if ((error as { name?: unknown }).name === "ResourceNotFoundException") return none;
    throw error;
  }
}

async function inFunction(functionName: string, name: string): Promise<{ found: FoundExecution[]; more: boolean }> {
  try {
    const out = await getLambdaClient().send(
      new ListDurableExecutionsByFunctionCommand({ FunctionName: functionName, DurableExecutionName: name, MaxItems: MATCHES_PER_FUNCTION }),
    );
    return { found: (out.DurableExecutions ?? []).map((e) => ({ ...summary(e), functionName })), more: Boolean(out.NextMarker) };
  } catch (error) {
    // Deleted between the list of functions and this call: it has no executions to find.
    if ((error as { name?: unknown }).name === "ResourceNotFoundException") return { found: [], more: false };
    throw error;
  }
}

/**
 * Finds executions by ARN (one GetDurableExecution) or by name: the name filter of
 * ListDurableExecutionsByFunction on each listed durable function, up to `maxFunctions` of them,
 * newest first. The answer says how many functions were searched and whether it stopped early.
 *
 * @example (await lookUpExecutions({ by: "name", name: "order-1001" })).executions[0]?.functionName
 */
export async function lookUpExecutions(query: LookupQuery, maxFunctions = MAX_FUNCTIONS_SEARCHED): Promise<ExecutionLookupResponse> {
  if (query.by === "arn") return byArn(query.arn);
  const functions = await listDurableFunctions();
  const searched = functions.slice(0, maxFunctions);
  const results = await mapLimited(searched, CONCURRENCY, (fn) => inFunction(fn.name, query.name));
  const executions = results.flatMap((r) => r.found).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return {
    by: "name",
    executions,
    functionsSearched: searched.length,
    functionsTotal: functions.length,
    partial: searched.length < functions.length || results.some((r) => r.more),
  };
}
