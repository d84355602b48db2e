/**
 * Cross-check: one workflow, written once, runs on our runtime and on the official
 * `@aws/durable-execution-sdk-js` against the same engine. The checkpoints each sends and
 * the histories the engine writes must match, operation ids included.
 */
import { describe, expect, it } from "vitest";
import * as official from "@aws/durable-execution-sdk-js";
import * as ours from "../runtime/index.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "../engine/index.js";
import type { Event, OperationUpdate } from "../protocol/index.js";

type Sdk = typeof ours;

/** The workflow, in terms both SDKs share (same names, same signatures). */
function workflow(sdk: Sdk) {
  return sdk.withDurableExecution(async (event: { orderId: string }, ctx) => {
    const order = await ctx.step("load-order", async () => ({ id: event.orderId, total: 42 }));
    await ctx.wait("settle", { seconds: 30 });
    const charged = await ctx.step(
      "charge",
      async ({ attempt }) => {
        if (attempt < 2) throw new Error("gateway busy");
        return `charged-${order.id}`;
      },
      { retryStrategy: sdk.createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 2 }, jitter: sdk.JitterStrategy.NONE }) },
    );
    const shipping = await ctx.runInChildContext("ship", async (child) => {
      const label = await child.step("label", async () => "LBL-1");
      await child.wait({ seconds: 5 });
      return label;
    });
    const approval = await ctx.waitForCallback("approve", async () => {}, { timeout: { hours: 1 } });
    const [receipt, receiptId] = await ctx.createCallback("receipt");
    const received = await receipt;
    const doubled = await ctx.invoke("double-it", "doubler", { n: order.total });
    const polled = await ctx.waitForCondition("poll", async (state: number) => state + 1, {
      initialState: 0,
      waitStrategy: (state: number) => (state < 3 ? { shouldContinue: true, delay: { seconds: 3 } } : { shouldContinue: false }),
    });
    const squares = await ctx.map(
      "square",
      [1, 2, 3, 4],
      async (c, n: number) =>
        c.step(async () => {
          if (n === 3) throw new Error("three is unlucky");
          return n * n;
        }, { retryStrategy: sdk.retryPresets.noRetry }),
      { maxConcurrency: 2, completionConfig: { toleratedFailureCount: 1 } },
    );
    const both = await ctx.parallel("both", [
      async (c) => c.step("a", async () => "A"),
      { name: "b", func: async (c) => (await c.wait({ seconds: 2 }), "B") },
    ]);
    return {
      charged,
      shipping,
      approval,
      received: received.length,
      receiptIdKnown: receiptId.length > 0,
      doubled,
      polled,
      squares: squares.getResults(),
      squareFailures: squares.failureCount,
      squareReason: squares.completionReason,
      both: both.getResults(),
    };
  });
}

/** A second workflow: promise combinators, callback failures, flat and custom-completed batches, serdes config. */
function workflow2(sdk: Sdk) {
  return sdk.withDurableExecution(async (_event: unknown, ctx) => {
    ctx.configureSerdes({
      defaultSerdes: {
        serialize: async (v: unknown) => (v === undefined ? undefined : JSON.stringify({ wrapped: v })),
        deserialize: async (d: string | undefined) => (d === undefined ? undefined : JSON.parse(d).wrapped),
      },
    });
    const wrapped = await ctx.step("wrapped", async () => 5);
    const all = await ctx.promise.all("all", [ctx.step(async () => 1), ctx.step(async () => 2)]);
    const settled = await ctx.promise.allSettled([
      ctx.step(async () => "fine"),
      ctx.step(async () => {
        throw new Error("nope");
      }, { retryStrategy: sdk.retryPresets.noRetry }),
    ]);
    const raced = await ctx.promise.race("race", [ctx.step(async () => "first"), ctx.step(async () => "second")]);
    let anyError = "";
    try {
      await ctx.promise.any("any", [ctx.step(async () => {
        throw new Error("only one");
      }, { retryStrategy: sdk.retryPresets.noRetry })]);
    } catch (e) {
      anyError = `${(e as Error).name}:${(e as { errorType?: string }).errorType}`;
    }
    let rejected = "";
    try {
      await ctx.waitForCallback("reject-me", async () => {});
    } catch (e) {
      rejected = `${(e as Error).name}:${(e as Error).message}`;
    }
    let submitter = "";
    try {
      await ctx.waitForCallback("broken-submitter", async () => {
        throw new Error("cannot submit");
      }, { retryStrategy: sdk.retryPresets.noRetry });
    } catch (e) {
      submitter = `${(e as Error).name}:${(e as Error).message}`;
    }
    const flat = await ctx.map("flat", [1, 2, 3], async (c, n: number) => c.step(async () => n + 1), { nesting: sdk.NestingType.FLAT });
    const quorum = await ctx.parallel(
      "quorum",
      [async (c) => c.step(async () => "x"), async (c) => c.step(async () => "y"), async (c) => c.step(async () => "z")],
      {
        maxConcurrency: 1,
        completionConfig: { shouldComplete: (s) => (s.successCount >= 2 ? sdk.completeBatch() : sdk.continueBatch()) },
      },
    );
    return {
      wrapped,
      all,
      settled: settled.map((r) => r.status),
      raced,
      anyError,
      rejected,
      submitter,
      flat: flat.getResults(),
      quorum: [quorum.completionReason, quorum.getResults()],
    };
  });
}

/** The target of the workflow's chained invoke, in the same SDK. */
const doubler = (sdk: Sdk) => sdk.withDurableExecution(async (event: { n: number }, ctx) => ctx.step("double", async () => event.n * 2));

async function run(sdk: Sdk, make: (sdk: Sdk) => ReturnType<Sdk["withDurableExecution"]> = workflow) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const updates: OperationUpdate[][] = [];
  const handlers: Record<string, ReturnType<Sdk["withDurableExecution"]>> = { fn: make(sdk), doubler: doubler(sdk) };
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock,
    resolveFunction: (name) =>
      handlers[name] ? { functionName: name, functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, version: "$LATEST" } : undefined,
    invoke: async (fn, event, requestId) => {
      const inner = new InProcessClient(engine);
      const recording = {
        getExecutionState: inner.getExecutionState.bind(inner),
        checkpoint: async (params: Parameters<InProcessClient["checkpoint"]>[0]) => {
          if (params.Updates?.length) updates.push(structuredClone(params.Updates));
          return inner.checkpoint(params);
        },
      };
      const input = new (sdk.DurableExecutionInvocationInputWithClient as typeof ours.DurableExecutionInvocationInputWithClient)(event, recording);
      return handlers[fn.functionName]!(input, ours.createLambdaContext({ requestId, functionName: fn.functionName }) as never);
    },
  });
  const arn = engine.startExecution({ functionName: "fn", payload: JSON.stringify({ orderId: "7" }) }).arn;
  const history = () => engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events;
  const openCallback = () => {
    const closed = new Set(history().filter((e) => e.EventType?.startsWith("Callback") && e.EventType !== "CallbackStarted").map((e) => e.Id));
    const started = history().find((e) => e.EventType === "CallbackStarted" && !closed.has(e.Id));
    if (!started?.CallbackStartedDetails?.CallbackId) return undefined;
    const parent = history().find((e) => e.EventType === "ContextStarted" && e.Id === started.ParentId);
    return { id: started.CallbackStartedDetails.CallbackId, reject: parent?.Name?.startsWith("reject") === true };
  };
  // Drive the execution: fire timers and answer callbacks until it ends.
  for (let guard = 0; guard < 50; guard++) {
    await engine.idle();
    await new Promise((r) => setTimeout(r, 30)); // the official SDK suspends on a real 20 ms timer
    await engine.idle();
    if (engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING") break;
    const open = openCallback();
    if (open?.reject) engine.sendCallbackFailure(open.id, { ErrorType: "RejectedError", ErrorMessage: "not approved" });
    else if (open) engine.sendCallbackSuccess(open.id, '"ok"');
    else clock.fireNext();
  }
  return { exec: engine.getExecution({ DurableExecutionArn: arn }), events: history(), updates };
}

/** Stack traces name each SDK's own files; everything else in a payload must match. */
const withoutStacks = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/\\"stack\\":\\".*?[^\\]\\"/g, '\\"stack\\":\\"*\\"'));

/** Drops what differs between any two runs: times, generated ids and tokens. */
function normalize(events: Event[]) {
  return events.map((e) =>
    JSON.parse(
      JSON.stringify(e, (k, v) =>
        /Timestamp$/.test(k) || k === "RequestId" || k === "CallbackId" || k === "DurableExecutionArn" || (e.EventType?.startsWith("Execution") && (k === "Id" || k === "Name")) ? "*" : v,
      ),
    ),
  );
}

describe("cross-check with @aws/durable-execution-sdk-js", () => {
  it("sends the same checkpoints and gets the same history for one workflow", async () => {
    const a = await run(ours);
    const b = await run(official as unknown as Sdk);
    expect(b.exec.Status).toBe("SUCCEEDED");
    expect(a.exec.Status).toBe("SUCCEEDED");
    expect(a.exec.Result).toBe(b.exec.Result);
    expect(JSON.parse(a.exec.Result!)).toMatchObject({ charged: "charged-7", shipping: "LBL-1", approval: "\"ok\"", doubled: 84, polled: 3 });
    expect(JSON.parse(a.exec.Result!)).toMatchObject({ squares: [1, 4, 16], squareFailures: 1, squareReason: "ALL_COMPLETED", both: ["A", "B"] });
    // Compared as JSON, as they travel: an `undefined` member is no member.
    expect(JSON.parse(JSON.stringify(a.updates.flat()))).toEqual(JSON.parse(JSON.stringify(b.updates.flat())));
    expect(normalize(a.events)).toEqual(normalize(b.events));
  });

  it("agrees on combinators, callback failures, flat and custom-completed batches and configured serdes", async () => {
    const a = await run(ours, workflow2);
    const b = await run(official as unknown as Sdk, workflow2);
    expect(b.exec.Status).toBe("SUCCEEDED");
    expect(a.exec.Status).toBe("SUCCEEDED");
    expect(JSON.parse(a.exec.Result!)).toEqual(JSON.parse(b.exec.Result!));
    expect(JSON.parse(a.exec.Result!)).toMatchObject({
      wrapped: 5,
      all: [1, 2],
      settled: ["fulfilled", "rejected"],
      raced: "first",
      anyError: "PromiseCombinatorError:PromiseCombinatorError",
      rejected: "CallbackExternalError:not approved",
      submitter: "CallbackSubmitterError:cannot submit",
      flat: [2, 3, 4],
      quorum: ["CUSTOM_COMPLETION_SUCCEEDED", ["x", "y"]],
    });
    expect(withoutStacks(a.updates.flat())).toEqual(withoutStacks(b.updates.flat()));
    expect(withoutStacks(normalize(a.events))).toEqual(withoutStacks(normalize(b.events)));
  });
});
