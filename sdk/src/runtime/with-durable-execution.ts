import {
  Limits,
  reviveTimestamps,
  utf8Length,
  type DurableExecutionInvocationInput,
  type DurableExecutionInvocationOutput,
  type Operation,
} from "../protocol/index.js";
import {
  DurableExecutionApiClient,
  DurableExecutionInvocationInputWithClient,
  type DurableExecutionClient,
} from "./client.js";
import { DurableContextImpl, type DurableContext, type LambdaContext } from "./context.js";
import { toErrorObject } from "./errors.js";
import { ExecutionRuntime } from "./execution-runtime.js";
import type { LambdaClient } from "@aws-sdk/client-lambda";

export type DurableExecutionHandler<TEvent = any, TResult = any> = (event: TEvent, context: DurableContext) => Promise<TResult>;
export type DurableLambdaHandler = (
  event: DurableExecutionInvocationInput,
  context: LambdaContext,
) => Promise<DurableExecutionInvocationOutput>;

export interface DurableExecutionConfig {
  /** The Lambda client to checkpoint with; a default one is created otherwise. */
  client?: LambdaClient;
  /** A transport other than Lambda's API (an in-process engine, a test double of the service). */
  durableExecutionClient?: DurableExecutionClient;
}

const UNEXPECTED_PAYLOAD =
  "Unexpected payload provided to start the durable execution. Check your resource configurations to confirm the durability is set.";

async function loadOperations(event: DurableExecutionInvocationInput, client: DurableExecutionClient): Promise<Operation[]> {
  // Lambda sends epoch milliseconds in the event; in-process callers may pass Dates.
  const operations = reviveTimestamps<Operation[]>(event.InitialExecutionState?.Operations ?? [], "milliseconds");
  let marker = event.InitialExecutionState?.NextMarker;
  while (marker) {
    const page = await client.getExecutionState({
      DurableExecutionArn: event.DurableExecutionArn,
      CheckpointToken: event.CheckpointToken,
      Marker: marker,
      MaxItems: Limits.MAX_ITEMS,
    });
    operations.push(...(page.Operations ?? []));
    marker = page.NextMarker;
  }
  return operations;
}

function parseInput(operations: Operation[]): unknown {
  const payload = operations.find((op) => op.Type === "EXECUTION")?.ExecutionDetails?.InputPayload;
  if (payload === undefined || payload.trim() === "") return {};
  return JSON.parse(payload);
}

/**
 * Wraps a durable handler into the Lambda handler the durable service invokes: loads the
 * operation table, runs the handler from the top (replaying recorded operations), and returns
 * SUCCEEDED with the result, FAILED with the error, or PENDING when it must wait.
 *
 * @example export const handler = withDurableExecution(async (event, ctx) => ctx.step("greet", async () => `Hello ${event.name}`));
 */
export function withDurableExecution<TEvent = any, TResult = any>(
  handler: DurableExecutionHandler<TEvent, TResult>,
  config: DurableExecutionConfig = {},
): DurableLambdaHandler {
  return async (event, lambdaContext) => {
    if (!event || typeof event !== "object" || !event.DurableExecutionArn || !event.CheckpointToken) {
      throw new Error(UNEXPECTED_PAYLOAD);
    }
    const client =
      event instanceof DurableExecutionInvocationInputWithClient
        ? event.durableExecutionClient
        : (config.durableExecutionClient ?? new DurableExecutionApiClient(config.client));
    const operations = await loadOperations(event, client);
    const input = parseInput(operations) as TEvent;
    const requestId = lambdaContext?.awsRequestId ?? crypto.randomUUID();
    const runtime = new ExecutionRuntime(event.DurableExecutionArn, event.CheckpointToken, client, operations, requestId);
    const context = new DurableContextImpl(runtime, lambdaContext ?? { awsRequestId: requestId });

    type Outcome = { kind: "returned"; value: TResult } | { kind: "threw"; error: unknown };
    const user: Promise<Outcome> = Promise.resolve()
      .then(() => handler(input, context))
      .then(
        (value) => ({ kind: "returned", value }),
        (error) => ({ kind: "threw", error }),
      );
    const outcome = await Promise.race([user, runtime.termination.terminated]);

    switch (outcome.kind) {
      case "suspend":
        return { Status: "PENDING" };
      case "retry-invocation":
        throw outcome.error;
      case "fail":
        return { Status: "FAILED", Error: toErrorObject(outcome.error) };
      case "threw":
        if (runtime.termination.hasEnded) return endedDuringFailure(runtime);
        await runtime.checkpoints.drain().catch(() => {});
        return finishFailed(runtime, outcome.error);
      case "returned":
        await runtime.checkpoints.drain();
        return finishSucceeded(runtime, outcome.value);
    }
  };
}

async function endedDuringFailure(runtime: ExecutionRuntime): Promise<DurableExecutionInvocationOutput> {
  const t = await runtime.termination.terminated;
  if (t.kind === "retry-invocation") throw t.error;
  if (t.kind === "fail") return { Status: "FAILED", Error: toErrorObject(t.error) };
  return { Status: "PENDING" };
}

async function finishSucceeded(runtime: ExecutionRuntime, value: unknown): Promise<DurableExecutionInvocationOutput> {
  const result = value === undefined ? undefined : JSON.stringify(value);
  if (result !== undefined && utf8Length(result) > Limits.LAMBDA_RESPONSE_BYTES) {
    // Too large for the Lambda response: the result travels in a checkpoint instead.
    await runtime.checkpoints.checkpoint({ Id: executionResultId(), Type: "EXECUTION", Action: "SUCCEED", Payload: result });
    return { Status: "SUCCEEDED", Result: "" };
  }
  runtime.termination.close();
  return result === undefined ? { Status: "SUCCEEDED" } : { Status: "SUCCEEDED", Result: result };
}

async function finishFailed(runtime: ExecutionRuntime, error: unknown): Promise<DurableExecutionInvocationOutput> {
  const errorObject = toErrorObject(error);
  if (utf8Length(JSON.stringify(errorObject)) > Limits.LAMBDA_RESPONSE_BYTES) {
    await runtime.checkpoints.checkpoint({ Id: executionResultId(), Type: "EXECUTION", Action: "FAIL", Error: errorObject });
    return { Status: "FAILED" };
  }
  runtime.termination.close();
  return { Status: "FAILED", Error: errorObject };
}

function executionResultId(): string {
  return `execution-result-${Date.now()}`;
}
