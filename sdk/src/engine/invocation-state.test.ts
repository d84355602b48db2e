import { describe, expect, it } from "vitest";
import type { DurableExecutionInvocationInput, Operation } from "../protocol/index.js";
import { engineFor } from "../runtime/engine-run.test-support.js";
import type { DurableExecutionConfig, DurableExecutionHandler } from "../runtime/index.js";
import { initialStatePage, visibleOperations } from "./invocation-state.js";

const op = (Id: string, Type: Operation["Type"], Status: Operation["Status"], extra: Partial<Operation> = {}) =>
  ({ Id, Type, Status, StartTimestamp: new Date(0), ...extra }) as Operation;

/** Runs a handler to its end and keeps every invocation event the engine sent. */
async function run(handler: DurableExecutionHandler, config?: DurableExecutionConfig) {
  const events: DurableExecutionInvocationInput[] = [];
  const { engine, clock } = engineFor(handler, { ...(config && { config }), onInvoke: (event) => void events.push(structuredClone(event)) });
  const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
  await engine.idle();
  while (engine.getExecution({ DurableExecutionArn: arn }).Status === "RUNNING" && clock.fireNext()) await engine.idle();
  return { done: engine.getExecution({ DurableExecutionArn: arn }), events };
}

describe("the state an invocation sees", () => {
  it("leaves out the descendants of a closed context unless it keeps its children", () => {
    const ops = [
      op("exec", "EXECUTION", "STARTED"),
      op("ctx", "CONTEXT", "SUCCEEDED"),
      op("s1", "STEP", "SUCCEEDED", { ParentId: "ctx" }),
      op("inner", "CONTEXT", "STARTED", { ParentId: "ctx" }),
      op("s2", "STEP", "SUCCEEDED", { ParentId: "inner" }),
      op("kept", "CONTEXT", "SUCCEEDED", { ContextDetails: { ReplayChildren: true } }),
      op("s3", "STEP", "SUCCEEDED", { ParentId: "kept" }),
      op("open", "CONTEXT", "STARTED"),
      op("s4", "STEP", "STARTED", { ParentId: "open" }),
    ];
    expect(visibleOperations(ops).map((o) => o.Id)).toEqual(["exec", "ctx", "kept", "s3", "open", "s4"]);
  });

  it("cuts the first page by count and size, never before the EXECUTION operation", () => {
    const ops = [op("exec", "EXECUTION", "STARTED"), ...Array.from({ length: 5 }, (_, i) => op(`s${i}`, "STEP", "SUCCEEDED"))];
    expect(initialStatePage(ops)).toEqual({ page: ops });
    const small = initialStatePage(ops, JSON.stringify(ops[0]).length + JSON.stringify(ops[1]).length);
    expect(small.page.map((o) => o.Id)).toEqual(["exec", "s0"]);
    expect(small.rest).toBe(2);
    expect(initialStatePage(ops, 1).page.map((o) => o.Id)).toEqual(["exec"]);
  });

  it("resumes after a closed child context without its children, and with them when asked to keep them", async () => {
    const handler: DurableExecutionHandler = async (_e, ctx) => {
      const total = await ctx.runInChildContext("sum", async (c) => (await c.step(async () => 1)) + (await c.step(async () => 2)));
      await ctx.wait({ seconds: 1 });
      return total;
    };
    const pruned = await run(handler);
    expect(pruned.done.Result).toBe("3");
    const secondTypes = (e: DurableExecutionInvocationInput) => e.InitialExecutionState.Operations.map((o) => o.Type);
    expect(secondTypes(pruned.events[1]!)).toEqual(["EXECUTION", "CONTEXT", "WAIT"]);
    const kept = await run(handler, { pluginsConfig: { childOperationsDepth: 1 } });
    expect(kept.done.Result).toBe("3");
    expect(secondTypes(kept.events[1]!)).toEqual(["EXECUTION", "CONTEXT", "STEP", "STEP", "WAIT"]);
  });

  it("sends a first page of 1000 operations and lets the runtime page in the rest", async () => {
    const { done, events } = await run(async (_e, ctx) => {
      let sum = 0;
      for (let i = 0; i < 1100; i++) sum += await ctx.step(async () => 1);
      await ctx.wait({ seconds: 1 });
      return sum;
    });
    expect(done.Result).toBe("1100");
    expect(events[1]!.InitialExecutionState.Operations).toHaveLength(1000);
    expect(events[1]!.InitialExecutionState.NextMarker).toBeTruthy();
  });
});
