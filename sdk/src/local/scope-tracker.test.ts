import { describe, expect, it } from "vitest";
import "../node.js"; // the Node entry installs the AsyncLocalStorage tracker
import { runOnEngine } from "../runtime/engine-run.test-support.js";

describe("context misuse under Node", () => {
  it("fails the execution when the parent context is used inside a child context", async () => {
    const { done } = await runOnEngine(async (_e, ctx) =>
      ctx.runInChildContext("child", async () => ctx.step("wrong-context", async () => 1)),
    );
    expect(done.Status).toBe("FAILED");
    expect(done.Error?.ErrorMessage).toMatch(/^Context usage error in "step": .*Expected context ID: "1", but got: "undefined"/);
  });

  it("fails the execution when a step body calls a durable operation", async () => {
    const { done } = await runOnEngine(async (_e, ctx) => ctx.step("outer", async () => ctx.wait({ seconds: 1 })));
    expect(done.Status).toBe("FAILED");
    expect(done.Error?.ErrorMessage).toMatch(/Context usage error in "wait"/);
  });

  it("accepts correct use across awaits, map items and parallel branches", async () => {
    const { done } = await runOnEngine(async (_e, ctx) => {
      const a = await ctx.runInChildContext("child", async (c) => {
        await c.wait({ seconds: 1 });
        return c.step(async () => 1);
      });
      const m = await ctx.map([1, 2], async (c, n: number) => c.step(async () => n));
      const p = await ctx.parallel([async (c) => c.step(async () => 3)]);
      return [a, ...m.getResults(), ...p.getResults()];
    });
    expect(done.Status).toBe("SUCCEEDED");
    expect(done.Result).toBe("[1,1,2,3]");
  });
});
