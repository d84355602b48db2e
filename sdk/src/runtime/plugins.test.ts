import { describe, expect, it } from "vitest";
import { runOnEngine } from "./engine-run.test-support.js";
import { createPluginHub, type DurableInstrumentationPlugin } from "./plugins.js";
import { retryPresets } from "./retry.js";

/** A plugin that records `hook:detail` for every hook it sees. */
function recorder(log: string[]): DurableInstrumentationPlugin {
  const op = (hook: string) => (i: { name?: string; type: string; isReplay: boolean; status?: string }) =>
    void log.push(`${hook}:${i.type}:${i.name ?? "-"}:${i.isReplay ? "replay" : "live"}${i.status ? `:${i.status}` : ""}`);
  return {
    onInvocationStart: (i) => void log.push(`invocation-start:${i.isFirstInvocation}`),
    onInvocationEnd: (i) => void log.push(`invocation-end:${i.status}`),
    onOperationStart: op("start"),
    onOperationEnd: op("end"),
    onOperationAttemptStart: (i) => void log.push(`attempt-start:${i.name}:${i.attempt}`),
    onOperationAttemptEnd: (i) => void log.push(`attempt-end:${i.name}:${i.attempt}:${i.outcome}`),
  };
}

describe("plugin hub", () => {
  it("swallows failing hooks so the other plugins still run", async () => {
    const seen: string[] = [];
    const hub = createPluginHub([
      { onOperationStart: () => { throw new Error("sync boom"); } },
      { onOperationStart: async () => { throw new Error("async boom"); } },
      { onOperationStart: (i) => void seen.push(i.id) },
    ]);
    await hub.call("onOperationStart", { id: "a", type: "STEP", isReplay: false });
    expect(seen).toEqual(["a"]);
  });

  it("runs the function once through every wrapper, keeps its error, and survives a broken wrapper", async () => {
    const order: string[] = [];
    const hub = createPluginHub([
      { wrapOperationAttemptFn: async (_i, fn) => (order.push("outer"), fn()) },
      { wrapOperationAttemptFn: () => { throw new Error("broken wrapper"); } },
      { wrapOperationAttemptFn: async (_i, fn) => (order.push("inner"), fn()) },
    ]);
    let calls = 0;
    const value = await hub.wrap("wrapOperationAttemptFn", {} as never, async () => (calls++, 42));
    expect(value).toBe(42);
    expect(calls).toBe(1);
    expect(order).toEqual(["outer", "inner"]);
    await expect(hub.wrap("wrapOperationAttemptFn", {} as never, async () => { throw new Error("user error"); })).rejects.toThrow("user error");
  });
});

describe("plugin hooks during an execution", () => {
  it("reports invocations, operations and every attempt, live and replayed", async () => {
    const log: string[] = [];
    const { done } = await runOnEngine(
      async (_e, ctx) => {
        await ctx.step("flaky", async ({ attempt }) => {
          if (attempt < 2) throw new Error("first try fails");
          return "ok";
        }, { retryStrategy: (_err, n) => ({ shouldRetry: n < 3, delay: { seconds: 1 } }) });
        await ctx.wait("pause", { seconds: 5 });
        return ctx.runInChildContext("child", async (c) => c.step("inner", async () => 1));
      },
      { plugins: [recorder(log)] },
    );
    expect(done.Status).toBe("SUCCEEDED");
    expect(log).toEqual([
      "invocation-start:true",
      "start:STEP:flaky:live:STARTED",
      "attempt-start:flaky:1",
      "attempt-end:flaky:1:FAILED",
      "invocation-end:PENDING",
      "invocation-start:false",
      "start:STEP:flaky:replay:STARTED",
      "attempt-start:flaky:2",
      "attempt-end:flaky:2:SUCCEEDED",
      "end:STEP:flaky:live:SUCCEEDED",
      "start:WAIT:pause:live:STARTED",
      "invocation-end:PENDING",
      "invocation-start:false",
      "end:WAIT:pause:live:SUCCEEDED",
      "start:CONTEXT:child:live:STARTED",
      "start:STEP:inner:live:STARTED",
      "attempt-start:inner:1",
      "attempt-end:inner:1:SUCCEEDED",
      "end:STEP:inner:live:SUCCEEDED",
      "end:CONTEXT:child:live:SUCCEEDED",
      "invocation-end:SUCCEEDED",
    ]);
  });

  it("never lets a throwing plugin change the outcome", async () => {
    const boom = () => {
      throw new Error("plugin bug");
    };
    const { done } = await runOnEngine(async (_e, ctx) => ctx.step("s", async () => "fine", { retryStrategy: retryPresets.noRetry }), {
      plugins: [{ onInvocationStart: boom, onOperationStart: boom, onOperationAttemptStart: boom, onOperationEnd: boom, onInvocationEnd: boom }],
    });
    expect(done.Status).toBe("SUCCEEDED");
    expect(done.Result).toBe('"fine"');
  });
});
