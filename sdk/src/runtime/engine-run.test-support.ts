/** An in-memory engine running one durable handler in-process, on a virtual clock (tests only). */
import { Engine, InProcessClient, MemoryStore, VirtualClock, VirtualTime, type Store } from "../engine/index.js";
import type { DurableConfig, DurableExecutionInvocationInput } from "../protocol/index.js";
import { DurableExecutionInvocationInputWithClient, type DurableExecutionClient } from "./client.js";
import { withDurableExecution, type DurableExecutionConfig, type DurableExecutionHandler } from "./index.js";

export interface EngineForOptions {
  config?: DurableExecutionConfig;
  store?: Store;
  clock?: VirtualClock;
  durableConfig?: DurableConfig;
  /** Sees every invocation event first; throwing makes the invocation fail as a crashed runtime would. */
  onInvoke?: (event: DurableExecutionInvocationInput) => void;
  /** Wraps the in-process transport (to record or alter checkpoint calls). */
  client?: (inner: InProcessClient) => DurableExecutionClient;
}

/**
 * The engine, its clock and store, with `handler` registered as function "fn".
 *
 * @example const { engine, clock } = engineFor(async (_e, ctx) => ctx.step(async () => 1));
 */
export function engineFor(handler: DurableExecutionHandler, options: EngineForOptions = {}) {
  const lambdaHandler = withDurableExecution(handler, options.config);
  const clock = options.clock ?? new VirtualClock();
  const store = options.store ?? new MemoryStore();
  const engine: Engine = new Engine({
    store,
    clock,
    resolveFunction: () => ({
      functionName: "fn",
      functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn",
      version: "$LATEST",
      ...(options.durableConfig && { durableConfig: options.durableConfig }),
    }),
    invoke: async (_fn, event, requestId) => {
      options.onInvoke?.(event);
      const inner = new InProcessClient(engine);
      return lambdaHandler(new DurableExecutionInvocationInputWithClient(event, options.client?.(inner) ?? inner), { awsRequestId: requestId });
    },
  });
  return { engine, clock, store };
}

/** Every event of an execution's history, across pages. */
export function allEvents(engine: Engine, arn: string) {
  return engine.allHistoryEvents(arn);
}

/** Runs one durable handler to its end, firing timers (waits, retries) as it goes. */
export async function runOnEngine(handler: DurableExecutionHandler, config?: DurableExecutionConfig, payload = "{}") {
  const { engine, clock } = engineFor(handler, config ? { config } : {});
  const { arn } = engine.startExecution({ functionName: "fn", payload });
  await new VirtualTime(engine, clock).runUntil(() => engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING", 100);
  return { done: engine.getExecution({ DurableExecutionArn: arn }), arn, events: allEvents(engine, arn) };
}
