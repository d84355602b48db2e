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
  type AttemptStandIn,
  type DurableExecutionClient,
} from "./client.js";
import { DurableContextImpl } from "./context.js";
import type { DurableContext, LambdaContext } from "./context-types.js";
import { toErrorObject } from "./errors.js";
import { classifyCheckpointFailure, ExecutionRuntime } from "./execution-runtime.js";
import { runInScope } from "./active-scope.js";
import { createDefaultLogger } from "./logger.js";
import {
  createPluginHub,
  loadEnvironmentPlugins,
  PluginInvocationStatus,
  toOperationInfoMap,
  type DurableInstrumentationPlugin,
  type InvocationInfo,
  type PluginHub,
} from "./plugins.js";
import { defaultSerdes } from "./serdes.js";
import type { InvocationClock } from "./invocation-clock.js";
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
  /** Instrumentation; those named in `DURABLE_EXECUTION_PLUGINS` are added to these. */
  plugins?: DurableInstrumentationPlugin[];
  pluginsConfig?: {
    /** Levels of completed child contexts whose children stay visible to later invocations. */
    childOperationsDepth?: number;
  };
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
  // Loaded once per environment, like the official SDK; a load failure fails each invocation.
  const hub = loadEnvironmentPlugins().then((fromEnv) => createPluginHub([...(config.plugins ?? []), ...fromEnv]));
  hub.catch(() => {});
  return async (event, lambdaContext) => {
    if (!event || typeof event !== "object" || !event.DurableExecutionArn || !event.CheckpointToken) {
      throw new Error(UNEXPECTED_PAYLOAD);
    }
    let plugins: PluginHub;
    try {
      plugins = await hub;
    } catch (error) {
      return { Status: "FAILED", Error: toErrorObject(error) };
    }
    const client = carriedClient(event) ?? config.durableExecutionClient ?? new DurableExecutionApiClient(config.client);
    let operations: Operation[];
    try {
      operations = await loadOperations(event, client);
    } catch (error) {
      // Before any user code: a permanent error fails the execution, anything else is retried.
      if (classifyCheckpointFailure(error).kind === "fail") return { Status: "FAILED", Error: toErrorObject(error) };
      throw error;
    }
    const input = parseInput(operations) as TEvent;
    const requestId = lambdaContext?.awsRequestId ?? crypto.randomUUID();
    const updated = new Set(event.UpdatedOperationIds ?? []);
    const standIn = carriedStandIn(event);
    const runtime = new ExecutionRuntime(event.DurableExecutionArn, event.CheckpointToken, client, operations, requestId, plugins, updated, standIn, carriedClock(event));
    const context = new DurableContextImpl(runtime, lambdaContext ?? { awsRequestId: requestId }, {
      replaying: runtime.startedInReplay,
      logger: createDefaultLogger(plugins.active ? () => plugins.enrichLogContext() : undefined),
      modeAware: true,
      serdes: defaultSerdes,
      preserveDepth: rootPreserveDepth(config.pluginsConfig?.childOperationsDepth),
    });

    const all = () => toOperationInfoMap(runtime.checkpoints.all());
    const start = operations.find((op) => op.Type === "EXECUTION")?.StartTimestamp;
    const base = { requestId, executionArn: event.DurableExecutionArn, executionInput: input, executionStartTimestamp: start, isFirstInvocation: !runtime.startedInReplay };
    const info: InvocationInfo = {
      ...base,
      operations: all(),
      updatedOperations: Object.fromEntries(Object.entries(all()).filter(([id]) => updated.has(id))),
    };
    const end = (status: PluginInvocationStatus, outcome: { executionResult?: unknown; executionError?: Error } = {}) =>
      plugins.active ? plugins.call("onInvocationEnd", { ...base, status, operations: all(), ...outcome }) : undefined;
    if (plugins.active) await plugins.call("onInvocationStart", info);
    const configProblem = childOperationsDepthProblem(config.pluginsConfig?.childOperationsDepth);
    if (configProblem) {
      const error = new Error(configProblem);
      await end(PluginInvocationStatus.FAILED, { executionError: error });
      return { Status: "FAILED", Error: toErrorObject(error) };
    }

    const invoke = async (): Promise<DurableExecutionInvocationOutput> => {
      type Outcome = { kind: "returned"; value: TResult } | { kind: "threw"; error: unknown };
      const user: Promise<Outcome> = Promise.resolve()
        .then(() => runInScope("root", () => handler(input, context)))
        .then(
          (value) => ({ kind: "returned", value }),
          (error) => ({ kind: "threw", error }),
        );
      const outcome = await Promise.race([user, runtime.termination.terminated]);
      try {
        const output = await finish(runtime, outcome);
        const status = output.Status === "SUCCEEDED" ? PluginInvocationStatus.SUCCEEDED : output.Status === "FAILED" ? PluginInvocationStatus.FAILED : PluginInvocationStatus.PENDING;
        const failure = outcome.kind === "threw" ? outcome.error : outcome.kind === "fail" ? outcome.error : undefined;
        await end(status, {
          ...(outcome.kind === "returned" && { executionResult: outcome.value }),
          ...(status === PluginInvocationStatus.FAILED && { executionError: failure instanceof Error ? failure : new Error(String(failure)) }),
        });
        return output;
      } catch (error) {
        await end(PluginInvocationStatus.RETRYING, { executionError: error instanceof Error ? error : new Error(String(error)) });
        throw error;
      }
    };
    return plugins.active ? plugins.wrap("wrapInvocation", info as never, invoke) : invoke();
  };
}

/** The invocation's answer for how the handler (or the runtime) ended it. */
async function finish(
  runtime: ExecutionRuntime,
  outcome: { kind: "returned"; value: unknown } | { kind: "threw"; error: unknown } | { kind: "suspend" } | { kind: "fail" | "retry-invocation"; error: unknown },
): Promise<DurableExecutionInvocationOutput> {
  if (outcome.kind === "suspend" || outcome.kind === "retry-invocation" || outcome.kind === "fail") await drainThenStop(runtime);
  switch (outcome.kind) {
    case "suspend":
      return { Status: "PENDING" };
    case "retry-invocation":
      throw outcome.error;
    case "fail":
      return { Status: "FAILED", Error: toErrorObject(outcome.error) };
    case "threw":
      if (runtime.termination.hasEnded) {
        await drainThenStop(runtime);
        return endedDuringFailure(runtime);
      }
      await runtime.checkpoints.drain().catch(() => {});
      return finishFailed(runtime, outcome.error);
    case "returned":
      await runtime.checkpoints.drain();
      return finishSucceeded(runtime, outcome.value);
  }
}

/** `childOperationsDepth` n keeps the children of contexts n levels deep; the root counts as one. */
function rootPreserveDepth(depth: number | undefined): number {
  if (depth === undefined || !(depth > 0)) return 0;
  return depth === Infinity ? Infinity : depth + 1;
}

function childOperationsDepthProblem(depth: unknown): string | undefined {
  if (depth === undefined || depth === Infinity) return undefined;
  if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 0) {
    return `pluginsConfig.childOperationsDepth must be a non-negative integer or Infinity; got ${String(depth)}.`;
  }
  return undefined;
}

/**
 * The transport an event brings along (how test runners redirect a handler). Recognised by
 * shape, not by class, so the official SDK's and another copy of ours work too.
 */
function carriedClient(event: DurableExecutionInvocationInput): DurableExecutionClient | undefined {
  if (event instanceof DurableExecutionInvocationInputWithClient) return event.durableExecutionClient;
  const candidate = (event as { durableExecutionClient?: Partial<DurableExecutionClient> }).durableExecutionClient;
  return typeof candidate?.checkpoint === "function" && typeof candidate.getExecutionState === "function"
    ? (candidate as DurableExecutionClient)
    : undefined;
}

/** The simulator's stand-in for step attempts, recognised by shape like the client (another copy of the runtime may have made the event). */
function carriedStandIn(event: DurableExecutionInvocationInput): AttemptStandIn | undefined {
  const candidate = (event as { attemptStandIn?: unknown }).attemptStandIn;
  return typeof candidate === "function" ? (candidate as AttemptStandIn) : undefined;
}

/** A terminated invocation sends what it had queued before it answers, then stops for good. */
async function drainThenStop(runtime: ExecutionRuntime): Promise<void> {
  await runtime.checkpoints.drain().catch(() => {});
  runtime.termination.close();
}

/** The clock a test runner that skips time hands the invocation, recognised by shape like the client. */
function carriedClock(event: DurableExecutionInvocationInput): InvocationClock | undefined {
  const candidate = (event as { invocationClock?: Partial<InvocationClock> }).invocationClock;
  return typeof candidate?.now === "function" && typeof candidate.sleep === "function" ? (candidate as InvocationClock) : undefined;
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
