import { describe, expect, it } from "vitest";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "../engine/index.js";
import { batchResultSerdes, BatchItemStatus, BatchResultImpl, completionReason, toleratesFailures } from "./batch.js";
import { DurableExecutionInvocationInputWithClient } from "./client.js";
import { ChildContextError, StepError } from "./errors.js";
import { retryPresets, withDurableExecution, type DurableExecutionHandler } from "./index.js";

async function run(handler: DurableExecutionHandler) {
  const lambdaHandler = withDurableExecution(handler);
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock: new VirtualClock(),
    resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
    invoke: (_fn, event, requestId) =>
      lambdaHandler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId }),
  });
  const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
  const done = await engine.waitForCompletion(arn);
  return { done, events: engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events };
}

describe("completion rules", () => {
  it("fails fast without a completion config and tolerates what the config allows", () => {
    expect(toleratesFailures(undefined, 0, 4)).toBe(true);
    expect(toleratesFailures(undefined, 1, 4)).toBe(false);
    expect(toleratesFailures({ toleratedFailureCount: 1 }, 1, 4)).toBe(true);
    expect(toleratesFailures({ toleratedFailureCount: 1 }, 2, 4)).toBe(false);
    expect(toleratesFailures({ toleratedFailurePercentage: 25 }, 1, 4)).toBe(true); // equal is fine
    expect(toleratesFailures({ toleratedFailurePercentage: 25 }, 2, 4)).toBe(false);
  });

  it("reports tolerance before completion, then min-successful", () => {
    expect(completionReason(undefined, { successes: 3, failures: 1, completed: 4, total: 4 })).toBe("FAILURE_TOLERANCE_EXCEEDED");
    expect(completionReason({ toleratedFailureCount: 1 }, { successes: 3, failures: 1, completed: 4, total: 4 })).toBe("ALL_COMPLETED");
    expect(completionReason({ minSuccessful: 2 }, { successes: 2, failures: 0, completed: 2, total: 4 })).toBe("MIN_SUCCESSFUL_REACHED");
  });

  it("round-trips a BatchResult with errors and their causes", async () => {
    const cause = new StepError("boom", Object.assign(new Error("boom"), { name: "TypeError" }));
    const original = new BatchResultImpl<number>(
      [
        { index: 0, status: BatchItemStatus.SUCCEEDED, result: 7 },
        { index: 1, status: BatchItemStatus.FAILED, error: new ChildContextError("boom", cause) },
      ],
      "ALL_COMPLETED",
    );
    const ctx = { entityId: "1", durableExecutionArn: "arn" };
    const restored = (await batchResultSerdes.deserialize(await batchResultSerdes.serialize(original, ctx), ctx))!;
    expect(restored.getResults()).toEqual([7]);
    expect(restored.status).toBe("FAILED");
    const error = restored.getErrors()[0]!;
    expect(error).toBeInstanceOf(ChildContextError);
    expect((error.cause as Error).name).toBe("StepError");
    expect(((error.cause as Error).cause as Error).name).toBe("TypeError");
  });
});

describe("map and parallel on the engine", () => {
  it("stops starting items after the first failure by default", async () => {
    const started: number[] = [];
    const { done, events } = await run(async (_e, ctx) => {
      const result = await ctx.map([1, 2, 3, 4], async (c, n: number) => {
        started.push(n);
        return c.step(async () => {
          if (n === 2) throw new Error("two failed");
          return n;
        }, { retryStrategy: retryPresets.noRetry });
      }, { maxConcurrency: 1 });
      return { reason: result.completionReason, total: result.totalCount, results: result.getResults() };
    });
    expect(JSON.parse(done.result!)).toEqual({ reason: "FAILURE_TOLERANCE_EXCEEDED", total: 2, results: [1] });
    expect(started).toEqual([1, 2]);
    const iterations = events.filter((e) => e.EventType === "ContextStarted" && e.SubType === "MapIteration");
    expect(iterations.map((e) => e.Name)).toEqual(["map-item-0", "map-item-1"]);
  });

  it("names parallel branches and completes once enough have succeeded", async () => {
    const { done } = await run(async (_e, ctx) => {
      const result = await ctx.parallel(
        "fan-out",
        [
          { name: "fast", func: async (c) => c.step(async () => "fast") },
          async (c) => c.step(async () => "second"),
          async (c) => c.step(async () => "third"),
        ],
        { maxConcurrency: 1, completionConfig: { minSuccessful: 2 } },
      );
      return { reason: result.completionReason, results: result.getResults() };
    });
    expect(JSON.parse(done.result!)).toEqual({ reason: "MIN_SUCCESSFUL_REACHED", results: ["fast", "second"] });
  });
});
