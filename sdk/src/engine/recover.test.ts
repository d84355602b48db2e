import { describe, expect, it } from "vitest";
import type { DurableExecutionHandler } from "../runtime/index.js";
import { engineFor } from "../runtime/engine-run.test-support.js";
import { MemoryStore, VirtualClock } from "./index.js";

describe("recovery after a restart", () => {
  it("retries an invocation that had failed just before the service stopped", async () => {
    const store = new MemoryStore();
    const clock = new VirtualClock();
    const handler: DurableExecutionHandler = async (_e, ctx) => {
      await ctx.step(async () => "first");
      await ctx.wait({ seconds: 1 });
      return ctx.step(async () => "done");
    };
    let invocations = 0;
    let crash = true;
    const engineWith = () =>
      engineFor(handler, {
        store,
        clock,
        onInvoke: () => {
          // The second invocation (after the wait) dies, while the service is still up.
          if (++invocations === 2 && crash) throw Object.assign(new Error("Runtime exited"), { name: "Runtime.ExitError" });
        },
      }).engine;
    const first = engineWith();
    const { arn } = first.startExecution({ functionName: "fn", payload: "{}" });
    await first.idle();
    clock.fireNext(); // the wait ends; the next invocation fails
    await first.idle();
    expect(invocations).toBe(2);
    first.close(); // the service stops before its retry timer fires
    crash = false;
    const second = engineWith();
    second.recover();
    await second.idle();
    expect(second.getExecution({ DurableExecutionArn: arn })).toMatchObject({ Status: "SUCCEEDED", Result: '"done"' });
  });
});
