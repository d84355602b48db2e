/**
 * Each operation against each recorded state it can find on replay: what the body does, what
 * is checkpointed and what the invocation answers. The service is a recording double here,
 * because states such as "started before a crash" are what these tests set up directly.
 */
import { describe, expect, it } from "vitest";
import type { Operation, OperationUpdate } from "../protocol/index.js";
import { DurableExecutionInvocationInputWithClient, type DurableExecutionClient } from "./client.js";
import type { DurableContext } from "./context-types.js";
import { hashOperationId } from "./operation-id.js";
import { retryPresets, StepSemantics, withDurableExecution } from "./index.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/run/inv";
const ID = hashOperationId("1");
const past = new Date(Date.now() - 60_000);

/** Runs `body` as the handler with operation "1" recorded as `record` (or absent). */
async function replay(record: Partial<Operation> | undefined, body: (ctx: DurableContext, ran: () => void) => Promise<unknown>) {
  const sent: OperationUpdate[] = [];
  let ran = 0;
  const client: DurableExecutionClient = {
    getExecutionState: async () => ({ Operations: [] }),
    checkpoint: async (params) => {
      sent.push(...(params.Updates ?? []));
      // The service's answer to a START: the ids and times the runtime reads back.
      const started = (params.Updates ?? []).filter((u) => u.Action === "START").map((u) => ({
        Id: u.Id, Type: u.Type, SubType: u.SubType, Status: "STARTED" as const, StartTimestamp: new Date(),
        ...(u.Type === "CALLBACK" && { CallbackDetails: { CallbackId: "cb-1" } }),
        ...(u.Type === "WAIT" && { WaitDetails: { ScheduledEndTimestamp: new Date(Date.now() + 60_000) } }),
      }));
      return { CheckpointToken: `t${sent.length}`, NewExecutionState: { Operations: started } };
    },
  };
  const operations: Operation[] = [{ Id: "exec", Type: "EXECUTION", Status: "STARTED", StartTimestamp: past, ExecutionDetails: { InputPayload: "{}" } }];
  if (record) operations.push({ Id: ID, StartTimestamp: past, ...record } as Operation);
  const handler = withDurableExecution(async (_e, ctx) => {
    try {
      return { value: await body(ctx, () => ran++) };
    } catch (e) {
      return { error: `${(e as Error).name}: ${(e as Error).message}`, cause: ((e as Error).cause as Error | undefined)?.name };
    }
  });
  const output = await handler(new DurableExecutionInvocationInputWithClient({ DurableExecutionArn: ARN, CheckpointToken: "t0", InitialExecutionState: { Operations: operations } }, client), { awsRequestId: "r" });
  const result = output.Status === "SUCCEEDED" && output.Result ? JSON.parse(output.Result) : undefined;
  return { status: output.Status, result, ran, actions: sent.map((u) => `${u.Type}:${u.Action}`) };
}

const step = (ctx: DurableContext, ran: () => void, semantics?: StepSemantics) =>
  ctx.step("s", async () => (ran(), "fresh"), { retryStrategy: retryPresets.noRetry, ...(semantics && { semantics }) });

describe("step replay branches", () => {
  it("fresh: runs the body and records START and SUCCEED", async () => {
    expect(await replay(undefined, step)).toEqual({ status: "SUCCEEDED", result: { value: "fresh" }, ran: 1, actions: ["STEP:START", "STEP:SUCCEED"] });
  });
  it("replayed succeeded: returns the record without running", async () => {
    const r = await replay({ Type: "STEP", SubType: "Step", Name: "s", Status: "SUCCEEDED", StepDetails: { Result: '"recorded"', Attempt: 1 } }, step);
    expect(r).toEqual({ status: "SUCCEEDED", result: { value: "recorded" }, ran: 0, actions: [] });
  });
  it("replayed failed: rethrows the recorded error as a StepError", async () => {
    const r = await replay({ Type: "STEP", SubType: "Step", Name: "s", Status: "FAILED", StepDetails: { Error: { ErrorType: "TypeError", ErrorMessage: "bad" }, Attempt: 1 } }, step);
    expect(r).toEqual({ status: "SUCCEEDED", result: { error: "StepError: bad", cause: "TypeError" }, ran: 0, actions: [] });
  });
  it("pending retry: suspends without running", async () => {
    const r = await replay({ Type: "STEP", SubType: "Step", Name: "s", Status: "PENDING", StepDetails: { Attempt: 1, NextAttemptTimestamp: new Date(Date.now() + 60_000) } }, step);
    expect(r).toEqual({ status: "PENDING", result: undefined, ran: 0, actions: [] });
  });
  it("started before a crash, at least once: runs again without a second START", async () => {
    const r = await replay({ Type: "STEP", SubType: "Step", Name: "s", Status: "STARTED" }, step);
    expect(r).toEqual({ status: "SUCCEEDED", result: { value: "fresh" }, ran: 1, actions: ["STEP:SUCCEED"] });
  });
  it("started before a crash, at most once: fails as interrupted without running", async () => {
    const r = await replay({ Type: "STEP", SubType: "Step", Name: "s", Status: "STARTED" }, (c, ran) => step(c, ran, StepSemantics.AtMostOncePerRetry));
    expect(r).toMatchObject({ status: "SUCCEEDED", ran: 0, actions: ["STEP:FAIL"], result: { cause: "StepInterruptedError" } });
  });
  it("a different operation recorded at the same id fails the execution", async () => {
    const r = await replay({ Type: "WAIT", SubType: "Wait", Status: "SUCCEEDED" }, step);
    expect(r.status).toBe("FAILED");
  });
});

describe("wait, callback, invoke and child context replay branches", () => {
  const wait = (ctx: DurableContext) => ctx.wait("w", { seconds: 30 }).then(() => "waited");
  it("wait: fresh starts and suspends, started suspends without a new START, succeeded goes on", async () => {
    expect(await replay(undefined, wait)).toEqual({ status: "PENDING", result: undefined, ran: 0, actions: ["WAIT:START"] });
    expect(await replay({ Type: "WAIT", SubType: "Wait", Name: "w", Status: "STARTED" }, wait)).toMatchObject({ status: "PENDING", actions: [] });
    expect(await replay({ Type: "WAIT", SubType: "Wait", Name: "w", Status: "SUCCEEDED" }, wait)).toMatchObject({ result: { value: "waited" }, actions: [] });
  });

  const callback = async (ctx: DurableContext) => {
    const [result] = await ctx.createCallback("cb");
    return result;
  };
  it("callback: fresh starts and suspends, closed ones give their result or their error", async () => {
    expect(await replay(undefined, callback)).toMatchObject({ status: "PENDING", actions: ["CALLBACK:START"] });
    const base = { Type: "CALLBACK" as const, SubType: "Callback", Name: "cb" };
    expect(await replay({ ...base, Status: "STARTED", CallbackDetails: { CallbackId: "cb-1" } }, callback)).toMatchObject({ status: "PENDING", actions: [] });
    expect(await replay({ ...base, Status: "SUCCEEDED", CallbackDetails: { CallbackId: "cb-1", Result: "raw" } }, callback)).toMatchObject({ result: { value: "raw" } });
    expect(await replay({ ...base, Status: "FAILED", CallbackDetails: { CallbackId: "cb-1", Error: { ErrorType: "Rejected", ErrorMessage: "no" } } }, callback)).toMatchObject({
      result: { error: "CallbackExternalError: no", cause: "Rejected" },
    });
    expect(await replay({ ...base, Status: "TIMED_OUT", CallbackDetails: { CallbackId: "cb-1", Error: { ErrorType: "Callback.Timeout", ErrorMessage: "late" } } }, callback)).toMatchObject({
      result: { error: "CallbackTimeoutError: late" },
    });
  });

  const invoke = (ctx: DurableContext) => ctx.invoke("call", "target", { n: 1 });
  it("invoke: fresh starts with the payload, closed ones give the result or an InvokeError", async () => {
    expect(await replay(undefined, invoke)).toMatchObject({ status: "PENDING", actions: ["CHAINED_INVOKE:START"] });
    const base = { Type: "CHAINED_INVOKE" as const, SubType: "ChainedInvoke", Name: "call" };
    expect(await replay({ ...base, Status: "SUCCEEDED", ChainedInvokeDetails: { Result: "2" } }, invoke)).toMatchObject({ result: { value: 2 } });
    expect(await replay({ ...base, Status: "TIMED_OUT", ChainedInvokeDetails: { Error: { ErrorType: "Timeout", ErrorMessage: "slow" } } }, invoke)).toMatchObject({
      result: { error: "InvokeError: slow" },
    });
  });

  const child = (ctx: DurableContext, ran: () => void) => ctx.runInChildContext("c", async () => (ran(), "fresh"));
  it("child context: a closed one is not run again, a started one is", async () => {
    const base = { Type: "CONTEXT" as const, SubType: "RunInChildContext", Name: "c" };
    expect(await replay({ ...base, Status: "SUCCEEDED", ContextDetails: { Result: '"kept"' } }, child)).toMatchObject({ result: { value: "kept" }, ran: 0, actions: [] });
    expect(await replay({ ...base, Status: "FAILED", ContextDetails: { Error: { ErrorType: "StepError", ErrorMessage: "inner" } } }, child)).toMatchObject({
      result: { error: "ChildContextError: inner", cause: "StepError" },
      ran: 0,
    });
    expect(await replay({ ...base, Status: "STARTED" }, child)).toMatchObject({ result: { value: "fresh" }, ran: 1, actions: ["CONTEXT:SUCCEED"] });
  });

  it("waitForCondition: a pending poll suspends; a ready one resumes from the recorded state", async () => {
    const poll = (ctx: DurableContext, ran: () => void) =>
      ctx.waitForCondition("p", async (n: number) => (ran(), n + 1), { initialState: 0, waitStrategy: (n) => (n >= 3 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: 5 } }) });
    const base = { Type: "STEP" as const, SubType: "WaitForCondition", Name: "p" };
    expect(await replay({ ...base, Status: "PENDING", StepDetails: { Attempt: 2, Result: "2", NextAttemptTimestamp: new Date(Date.now() + 60_000) } }, poll)).toMatchObject({ status: "PENDING", ran: 0 });
    expect(await replay({ ...base, Status: "READY", StepDetails: { Attempt: 2, Result: "2" } }, poll)).toMatchObject({ result: { value: 3 }, ran: 1, actions: ["STEP:START", "STEP:SUCCEED"] });
  });
});
