import { describe, expect, it } from "vitest";
import { runOnEngine } from "./engine-run.test-support.js";
import { PromiseCombinatorError } from "./errors.js";
import { createLinearRetryStrategy, JitterStrategy, retryPresets } from "./retry.js";
import { withRetry } from "./with-retry.js";

describe("promise combinators", () => {
  it("record their outcome once and give the same values when replayed after a wait", async () => {
    let runs = 0;
    const { done, events } = await runOnEngine(async (_e, ctx) => {
      const all = await ctx.promise.all("both", [ctx.step(async () => (runs++, 1)), ctx.step(async () => 2)]);
      const settled = await ctx.promise.allSettled([
        ctx.step(async () => { throw new Error("bad"); }, { retryStrategy: retryPresets.noRetry }),
      ]);
      await ctx.wait({ seconds: 1 }); // forces a second invocation that replays everything above
      let error: unknown;
      try {
        await ctx.promise.any([ctx.step(async () => { throw new Error("none"); }, { retryStrategy: retryPresets.noRetry })]);
      } catch (e) {
        error = e;
      }
      const reason = settled[0]!.status === "rejected" ? (settled[0]!.reason as Error) : undefined;
      return { all, reasonIsError: reason instanceof Error, reason: reason?.message, anyFailed: error instanceof PromiseCombinatorError };
    });
    expect(JSON.parse(done.Result!)).toEqual({ all: [1, 2], reasonIsError: true, reason: "bad", anyFailed: true });
    expect(runs).toBe(1);
    const contexts = events.filter((e) => e.EventType === "ContextSucceeded" || e.EventType === "ContextFailed").map((e) => `${e.EventType}:${e.Name ?? "-"}`);
    expect(contexts).toEqual(["ContextSucceeded:both", "ContextSucceeded:-", "ContextFailed:-"]);
  });
});

describe("withRetry", () => {
  it("retries durable work with named back-off waits inside one child context", async () => {
    const { done, events } = await runOnEngine(async (_e, ctx) =>
      withRetry(ctx, "reserve", async (c, attempt) => c.step(`try-${attempt}`, async () => {
        if (attempt < 3) throw new Error("busy");
        return attempt;
      }, { retryStrategy: retryPresets.noRetry }), { retryStrategy: createLinearRetryStrategy({ jitter: JitterStrategy.NONE }) }),
    );
    expect(done.Result).toBe("3");
    const waits = events.filter((e) => e.EventType === "WaitStarted");
    expect(waits.map((e) => [e.Name, e.WaitStartedDetails?.Duration])).toEqual([["reserve-backoff-1", 1], ["reserve-backoff-2", 2]]);
    expect(events.find((e) => e.EventType === "ContextStarted")?.Name).toBe("reserve");
  });
});
