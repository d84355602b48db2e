import { describe, expect, it } from "vitest";
import { DurableExecutionInvocationInputWithClient } from "../runtime/client.js";
import { withDurableExecution } from "../runtime/index.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "./index.js";

describe("recovery after a restart", () => {
  it("retries an invocation that had failed just before the service stopped", async () => {
    const store = new MemoryStore();
    const clock = new VirtualClock();
    const handler = withDurableExecution(async (_e, ctx) => {
      await ctx.step(async () => "first");
      await ctx.wait({ seconds: 1 });
      return ctx.step(async () => "done");
    });
    let invocations = 0;
    let crash = true;
    const engineWith = (): Engine => {
      const engine: Engine = new Engine({
        store,
        clock,
        resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
        invoke: async (_fn, event, requestId) => {
          // The second invocation (after the wait) dies, while the service is still up.
          if (++invocations === 2 && crash) throw Object.assign(new Error("Runtime exited"), { name: "Runtime.ExitError" });
          return handler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId });
        },
      });
      return engine;
    };
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
