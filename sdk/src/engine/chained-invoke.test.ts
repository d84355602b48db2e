import { describe, expect, it } from "vitest";
import { InvokeError, withDurableExecution, type DurableLambdaHandler } from "../runtime/index.js";
import { DurableExecutionInvocationInputWithClient } from "../runtime/client.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock, type FunctionInfo } from "./index.js";

function setup(functions: Record<string, DurableLambdaHandler>) {
  const info = (name: string): FunctionInfo => ({ functionName: name, functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, version: "$LATEST" });
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock: new VirtualClock(),
    resolveFunction: (name) => (functions[name] ? info(name) : undefined),
    invoke: (fn, event, requestId) =>
      functions[fn.functionName]!(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId }),
  });
  return engine;
}

const doubler = withDurableExecution(async (event: { n: number }, ctx) => {
  if (event.n < 0) throw new RangeError("n must not be negative");
  return ctx.step("double", async () => event.n * 2);
});

const caller = withDurableExecution(async (event: { n: number; target?: string }, ctx) => {
  try {
    return { doubled: await ctx.invoke("call-doubler", event.target ?? "doubler", { n: event.n }, { tenantId: "tenant-1" }) };
  } catch (e) {
    return { error: (e as Error).message, invokeError: e instanceof InvokeError };
  }
});

describe("chained invoke", () => {
  it("starts the target as its own execution and resumes with its result", async () => {
    const engine = setup({ caller, doubler });
    const { arn } = engine.startExecution({ functionName: "caller", payload: JSON.stringify({ n: 21 }) });
    const done = await engine.waitForCompletion(arn);
    await engine.idle();
    expect(JSON.parse(engine.getExecution({ DurableExecutionArn: arn }).Result!)).toEqual({ doubled: 42 });
    expect(done.status).toBe("SUCCEEDED");
    const events = engine.getExecutionHistory({ DurableExecutionArn: arn }).Events;
    expect(events.map((e) => e.EventType)).toEqual([
      "ExecutionStarted",
      "ChainedInvokeStarted",
      "InvocationCompleted",
      "ChainedInvokeSucceeded",
      "InvocationCompleted",
      "ExecutionSucceeded",
    ]);
    const started = events[1]!;
    expect(started).toMatchObject({ Name: "call-doubler", SubType: "ChainedInvoke" });
    expect(started.ChainedInvokeStartedDetails).toMatchObject({
      FunctionName: "doubler",
      TenantId: "tenant-1",
      ExecutedVersion: "$LATEST",
      Input: { Payload: '{"n":21}', Truncated: false },
    });
    const child = engine.getExecution({ DurableExecutionArn: started.ChainedInvokeStartedDetails!.DurableExecutionArn! });
    expect(child.Status).toBe("SUCCEEDED");
    expect(child.InputPayload).toBe('{"n":21}');
    expect(events[3]!.ChainedInvokeSucceededDetails!.Result).toEqual({ Payload: "42", Truncated: false });
  });

  it("rethrows the target's failure as an InvokeError", async () => {
    const engine = setup({ caller, doubler });
    const { arn } = engine.startExecution({ functionName: "caller", payload: JSON.stringify({ n: -1 }) });
    await engine.waitForCompletion(arn);
    await engine.idle();
    expect(JSON.parse(engine.getExecution({ DurableExecutionArn: arn }).Result!)).toEqual({ error: "n must not be negative", invokeError: true });
    const failed = engine.getExecutionHistory({ DurableExecutionArn: arn }).Events.find((e) => e.EventType === "ChainedInvokeFailed")!;
    expect(failed.ChainedInvokeFailedDetails!.Error!.Payload).toEqual({ ErrorType: "RangeError", ErrorMessage: "n must not be negative" });
  });

  it("fails the operation when the target function does not exist", async () => {
    const engine = setup({ caller });
    const { arn } = engine.startExecution({ functionName: "caller", payload: JSON.stringify({ n: 1, target: "nowhere" }) });
    await engine.waitForCompletion(arn);
    expect(JSON.parse(engine.getExecution({ DurableExecutionArn: arn }).Result!)).toEqual({ error: "Function not found: nowhere", invokeError: true });
  });
});
