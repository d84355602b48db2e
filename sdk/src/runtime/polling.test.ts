import { describe, expect, it, vi } from "vitest";
import { engineFor } from "./engine-run.test-support.js";
import type { DurableExecutionHandler } from "./index.js";

describe("waiting while another branch runs", () => {
  it("polls for a wait that ends while a step body blocks suspension, and goes on in the same invocation", async () => {
    let invocations = 0;
    const handler: DurableExecutionHandler = async (_e, ctx) => {
      const result = await ctx.parallel([
        async (c) => {
          await c.wait({ seconds: 1 });
          return c.step("after-wait", async () => "a");
        },
        async (c) => c.step("slow", async () => new Promise<string>((r) => setTimeout(() => r("b"), 1500))),
      ]);
      return result.getResults();
    };
    const { engine, clock } = engineFor(handler, { onInvoke: () => void invocations++ });
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    // Both branches under way: the wait checkpointed and the slow step started.
    await vi.waitFor(() => {
      const types = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 100 }).Events!.map((e) => `${e.EventType}:${e.Name ?? ""}`);
      expect(types).toEqual(expect.arrayContaining([expect.stringMatching(/^WaitStarted:/), "StepStarted:slow"]));
    }, { timeout: 1000, interval: 5 });
    clock.advance(1000); // the wait's timer fires while the slow step still runs
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn }).Result).toBe('["a","b"]');
    expect(invocations).toBe(1);
    const succeeded = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 100 }).Events!.filter((e) => e.EventType === "StepSucceeded").map((e) => e.Name);
    expect(succeeded).toEqual(["after-wait", "slow"]);
  });
});
