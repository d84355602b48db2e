import { describe, expect, it } from "vitest";
import {
  batchResultSerdes,
  BatchItemStatus,
  BatchResultImpl,
  completeBatch,
  completionConfigProblem,
  CompletionOutcome,
  completionReason,
  continueBatch,
  isComplete,
  shouldContinue,
  type CompletionStatus,
} from "./batch.js";
import { BatchCompletionError, ChildContextError, StepError } from "./errors.js";
import { runOnEngine as run } from "./engine-run.test-support.js";
import { retryPresets } from "./index.js";

const progress = (successCount: number, failureCount: number, totalCount: number): CompletionStatus => ({
  successCount,
  failureCount,
  completedCount: successCount + failureCount,
  totalCount,
  items: [],
});

describe("completion rules", () => {
  it("fails fast without a completion config and tolerates what the config allows", () => {
    expect(shouldContinue(undefined, progress(0, 0, 4))).toBe(true);
    expect(shouldContinue(undefined, progress(0, 1, 4))).toBe(false);
    expect(shouldContinue({ toleratedFailureCount: 1 }, progress(0, 1, 4))).toBe(true);
    expect(shouldContinue({ toleratedFailureCount: 1 }, progress(0, 2, 4))).toBe(false);
    expect(shouldContinue({ toleratedFailurePercentage: 25 }, progress(0, 1, 4))).toBe(true); // equal is fine
    expect(shouldContinue({ toleratedFailurePercentage: 25 }, progress(0, 2, 4))).toBe(false);
  });

  it("reports tolerance before completion, then min-successful", () => {
    expect(completionReason(undefined, progress(3, 1, 4))).toBe("FAILURE_TOLERANCE_EXCEEDED");
    expect(completionReason({ toleratedFailureCount: 1 }, progress(3, 1, 4))).toBe("ALL_COMPLETED");
    expect(completionReason({ minSuccessful: 2 }, progress(2, 0, 4))).toBe("MIN_SUCCESSFUL_REACHED");
    expect(isComplete({ minSuccessful: 2 }, progress(1, 0, 4))).toBe(false);
    expect(isComplete({ minSuccessful: 2 }, progress(2, 0, 4))).toBe(true);
  });

  it("lets a custom predicate decide completion and its outcome", () => {
    const quorum = { shouldComplete: (s: CompletionStatus) => (s.failureCount >= 2 ? completeBatch(CompletionOutcome.FAILED) : s.successCount >= 2 ? completeBatch() : continueBatch()) };
    expect(shouldContinue(quorum, progress(1, 1, 5))).toBe(true);
    expect(isComplete(quorum, progress(2, 0, 5))).toBe(true);
    expect(completionReason(quorum, progress(2, 0, 5))).toBe("CUSTOM_COMPLETION_SUCCEEDED");
    expect(completionReason(quorum, progress(0, 2, 5))).toBe("CUSTOM_COMPLETION_FAILED");
    expect(completionReason(quorum, progress(1, 1, 2))).toBe("ALL_COMPLETED");
    const failed = new BatchResultImpl<number>([{ index: 0, status: BatchItemStatus.SUCCEEDED, result: 1 }], "CUSTOM_COMPLETION_FAILED");
    expect(failed.status).toBe(BatchItemStatus.FAILED);
    expect(() => failed.throwIfError()).toThrow(BatchCompletionError);
    expect(completionConfigProblem({ shouldComplete: () => continueBatch(), minSuccessful: 1 } as never)).toMatch(/mutually exclusive/);
    expect(completionConfigProblem(quorum)).toBeUndefined();
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
    expect(JSON.parse(done.Result!)).toEqual({ reason: "FAILURE_TOLERANCE_EXCEEDED", total: 2, results: [1] });
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
    expect(JSON.parse(done.Result!)).toEqual({ reason: "MIN_SUCCESSFUL_REACHED", results: ["fast", "second"] });
  });

  it("drops what abandoned items try to record once the batch is decided", async () => {
    const { done, events } = await run(async (_e, ctx) => {
      const result = await ctx.map(["fast", "quick", "slow"], async (c, item: string) =>
        c.step(async () => {
          if (item === "slow") await new Promise((r) => setTimeout(r, 50));
          return item;
        }), { completionConfig: { minSuccessful: 2 } });
      // Outlive the slow item's body, so its checkpoint would land if it were not dropped.
      await ctx.step("after", async () => new Promise((r) => setTimeout(r, 100)));
      return { reason: result.completionReason, started: result.startedCount, results: result.getResults() };
    });
    expect(JSON.parse(done.Result!)).toEqual({ reason: "MIN_SUCCESSFUL_REACHED", started: 1, results: ["fast", "quick"] });
    const slow = events.find((e) => e.EventType === "ContextStarted" && e.Name === "map-item-2")!;
    expect(events.filter((e) => e.ParentId === slow.Id).map((e) => e.EventType)).toEqual(["StepStarted"]);
    expect(events.some((e) => e.Id === slow.Id && e.EventType !== "ContextStarted")).toBe(false);
  });

  it("stores a summary for a result too large to checkpoint and rebuilds the result from the items on replay", async () => {
    let bodies = 0;
    const { done, events } = await run(async (_e, ctx) => {
      const big = await ctx.map("big", [0, 1, 2], async (c, n: number) => c.step(async () => (bodies++, `${n}`.repeat(100 * 1024))));
      await ctx.wait({ seconds: 1 }); // the second invocation rebuilds `big` by replaying its items
      return { sizes: big.getResults().map((r) => r.length), reason: big.completionReason, first: big.getResults()[0]!.slice(0, 3) };
    });
    expect(JSON.parse(done.Result!)).toEqual({ sizes: [102400, 102400, 102400], reason: "ALL_COMPLETED", first: "000" });
    expect(bodies).toBe(3);
    const stored = events.find((e) => e.EventType === "ContextSucceeded" && e.Name === "big")!;
    expect(JSON.parse(stored.ContextSucceededDetails!.Result!.Payload!)).toEqual({
      type: "MapResult",
      totalCount: 3,
      successCount: 3,
      failureCount: 0,
      completionReason: "ALL_COMPLETED",
      status: "SUCCEEDED",
      itemStatuses: "SSS",
    });
  });

  it("does not run again, when rebuilding, an item the batch had abandoned", async () => {
    const runs: number[] = [];
    const { done } = await run(async (_e, ctx) => {
      const big = await ctx.map("quorum", [0, 1, 2], async (c, n: number) =>
        c.step(async () => {
          runs.push(n);
          if (n === 2) await new Promise((r) => setTimeout(r, 30));
          return `${n}`.repeat(150 * 1024);
        }), { completionConfig: { minSuccessful: 2 } });
      await ctx.wait({ seconds: 1 });
      return { indexes: big.all.map((i) => `${i.index}:${i.status}`), reason: big.completionReason };
    });
    expect(JSON.parse(done.Result!)).toEqual({ indexes: ["0:SUCCEEDED", "1:SUCCEEDED"], reason: "MIN_SUCCESSFUL_REACHED" });
    expect(runs.sort()).toEqual([0, 1, 2]);
  });
});

