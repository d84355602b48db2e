import { describe, expect, it } from "vitest";
import { runOnEngine } from "../runtime/engine-run.test-support.js";

describe("Lambda's limit of 3,000 operations per execution", () => {
  it("refuses the checkpoint that would pass it, which fails the execution with a message naming the limit", async () => {
    const { done, events } = await runOnEngine(async (_e, ctx) => {
      for (let i = 0; i < 3001; i++) await ctx.step(async () => i);
      return "unreachable";
    });
    expect(done.Status).toBe("FAILED");
    expect(done.Error?.ErrorMessage).toMatch(/would have 3001 operations; a durable execution may have at most 3000/);
    expect(events.filter((e) => e.EventType === "StepSucceeded")).toHaveLength(3000);
    expect(events.map((e) => e.EventType).slice(-2)).toEqual(["InvocationCompleted", "ExecutionFailed"]);
  });
});
