import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CheckpointDurableExecutionCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  LambdaClient,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

const greeter = withDurableExecution(async (event: { name: string }, ctx) => {
  const greeting = await ctx.step("greet", async () => `Hello, ${event.name}!`);
  await ctx.wait("pause", { seconds: 1 });
  return ctx.step("shout", async () => greeting.toUpperCase());
});

const approver = withDurableExecution(async (_e, ctx) => {
  const first = await ctx.waitForCallback("first", async () => {}, { heartbeatTimeout: { minutes: 5 } });
  try {
    return { first, second: await ctx.waitForCallback("second", async () => {}) };
  } catch (e) {
    return { first, failed: (e as Error).message };
  }
});

let dir: string;
let service: LocalDurableService;
let client: LambdaClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "durable-lens-"));
  service = await LocalDurableService.start({
    store: SqliteStore.open(dir),
    functions: [
      { name: "greeter", handler: greeter },
      { name: "approver", handler: approver },
    ],
  });
  client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" }, maxAttempts: 1 });
});

afterAll(async () => {
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
});

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("local durable service through LambdaClient", () => {
  it("runs an execution end to end and returns Lambda's history", async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: "greeter", Payload: JSON.stringify({ name: "Ada" }), DurableExecutionName: "greet-ada" }),
    );
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(text(out.Payload)).toBe('"HELLO, ADA!"');
    const arn = out.DurableExecutionArn!;
    expect(arn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:greeter:\$LATEST\/durable-execution\/greet-ada\/[0-9a-f-]+$/);

    const exec = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    expect(exec.Status).toBe("SUCCEEDED");
    expect(exec.StartTimestamp).toBeInstanceOf(Date);
    expect(exec.InputPayload).toBe('{"name":"Ada"}');

    const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true }));
    expect(Events!.map((e) => e.EventType)).toEqual([
      "ExecutionStarted",
      "StepStarted",
      "StepSucceeded",
      "WaitStarted",
      "InvocationCompleted",
      "WaitSucceeded",
      "StepStarted",
      "StepSucceeded",
      "InvocationCompleted",
      "ExecutionSucceeded",
    ]);
    expect(Events!.map((e) => e.EventId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Events![2]).toMatchObject({ Name: "greet", StepSucceededDetails: { Result: { Payload: '"Hello, Ada!"' } } });
    expect(Events![3]!.WaitStartedDetails!.ScheduledEndTimestamp).toBeInstanceOf(Date);
    expect(Events![9]!.ExecutionSucceededDetails!.Result!.Payload).toBe('"HELLO, ADA!"');
  });

  it("starts asynchronously, lists by function and reuses a name only for the same input", async () => {
    const started = await client.send(
      new InvokeCommand({ FunctionName: "greeter", InvocationType: "Event", Payload: '{"name":"Bob"}', DurableExecutionName: "greet-bob" }),
    );
    expect(started.StatusCode).toBe(202);
    const again = await client.send(
      new InvokeCommand({ FunctionName: "greeter", InvocationType: "Event", Payload: '{"name":"Bob"}', DurableExecutionName: "greet-bob" }),
    );
    expect(again.DurableExecutionArn).toBe(started.DurableExecutionArn);
    await expect(
      client.send(new InvokeCommand({ FunctionName: "greeter", Payload: '{"name":"Eve"}', DurableExecutionName: "greet-bob" })),
    ).rejects.toMatchObject({ name: "DurableExecutionAlreadyStartedException" });

    const running = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "greeter", Statuses: ["RUNNING"] }));
    expect(running.DurableExecutions!.map((e) => e.DurableExecutionName)).toContain("greet-bob");
    const all = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "greeter" }));
    expect(all.DurableExecutions![0]!.DurableExecutionName).toBe("greet-bob"); // newest first
    const fns = await client.send(new ListFunctionsCommand({}));
    expect(fns.Functions!.map((f) => f.FunctionName)).toEqual(["greeter", "approver"]);
    expect(fns.Functions![0]!.DurableConfig?.ExecutionTimeout).toBe(86400);
  });

  it("answers bad input with Lambda's errors, naming the problem", async () => {
    await expect(client.send(new GetDurableExecutionCommand({ DurableExecutionArn: "arn:aws:lambda:nope" }))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
      message: expect.stringContaining("DurableExecutionArn"),
    });
    await expect(client.send(new InvokeCommand({ FunctionName: "missing-fn", Payload: "{}" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: expect.stringContaining("missing-fn"),
    });
    await expect(client.send(new InvokeCommand({ FunctionName: "greeter", Payload: "{not json" }))).rejects.toMatchObject({
      name: "InvalidRequestContentException",
    });
    const { DurableExecutionArn } = await client.send(
      new InvokeCommand({ FunctionName: "greeter", InvocationType: "Event", Payload: '{"name":"Cy"}' }),
    );
    await expect(
      client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn, CheckpointToken: "c3RhbGU=", Updates: [] })),
    ).rejects.toMatchObject({ name: "InvalidParameterValueException", message: expect.stringMatching(/^Invalid Checkpoint Token/) });
    await expect(
      client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "greeter", Marker: "garbage" })),
    ).rejects.toMatchObject({ name: "InvalidParameterValueException", message: expect.stringContaining("Marker") });
  });

  it("keeps executions in SQLite across a restart and finishes them", async () => {
    const waiting = withDurableExecution(async (_e, ctx) => {
      await ctx.wait({ seconds: 1 });
      return "resumed";
    });
    const dir2 = mkdtempSync(join(tmpdir(), "durable-lens-restart-"));
    let svc = await LocalDurableService.start({ store: SqliteStore.open(dir2), functions: [{ name: "waiter", handler: waiting }] });
    const arn = svc.engine.startExecution({ functionName: "waiter", payload: "{}" }).arn;
    await svc.engine.idle();
    await svc.stop();
    svc = await LocalDurableService.start({ store: SqliteStore.open(dir2), functions: [{ name: "waiter", handler: waiting }] });
    const done = await svc.engine.waitForCompletion(arn);
    expect(done.status).toBe("SUCCEEDED");
    expect(done.result).toBe('"resumed"');
    await svc.stop();
    rmSync(dir2, { recursive: true, force: true });
  });

  it("completes, fails and heartbeats callbacks through the callback APIs", async () => {
    const { DurableExecutionArn: arn } = await client.send(new InvokeCommand({ FunctionName: "approver", InvocationType: "Event", Payload: "{}" }));
    const openCallbackId = async (n: number) => {
      for (;;) {
        await service.engine.idle();
        const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }));
        const started = Events!.filter((e) => e.EventType === "CallbackStarted");
        if (started.length >= n) return started[n - 1]!.CallbackStartedDetails!.CallbackId!;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const first = await openCallbackId(1);
    expect(first).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    await client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: first }));
    await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: first, Result: new TextEncoder().encode('{"ok":true}') }));
    const second = await openCallbackId(2);
    await client.send(
      new SendDurableExecutionCallbackFailureCommand({ CallbackId: second, Error: { ErrorType: "Rejected", ErrorMessage: "no way" } }),
    );
    const done = await service.engine.waitForCompletion(arn!);
    expect(JSON.parse(done.result!)).toEqual({ first: '{"ok":true}', failed: "no way" });

    await expect(client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: first }))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
    });
    await expect(client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: "dW5rbm93bg==" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: expect.stringContaining("dW5rbm93bg=="),
    });
  });

  it("re-arms callback timeouts after a restart", async () => {
    const timed = withDurableExecution(async (_e, ctx) => {
      try {
        return await ctx.waitForCallback(async () => {}, { timeout: { seconds: 1 } });
      } catch (e) {
        return `gave up: ${(e as Error).message}`;
      }
    });
    const dir2 = mkdtempSync(join(tmpdir(), "durable-lens-callback-"));
    let svc = await LocalDurableService.start({ store: SqliteStore.open(dir2), functions: [{ name: "timed", handler: timed }] });
    const arn = svc.engine.startExecution({ functionName: "timed", payload: "{}" }).arn;
    await svc.engine.idle();
    await svc.stop();
    svc = await LocalDurableService.start({ store: SqliteStore.open(dir2), functions: [{ name: "timed", handler: timed }] });
    const done = await svc.engine.waitForCompletion(arn);
    expect(done.result).toBe('"gave up: Callback timed out"');
    const events = svc.engine.getExecutionHistory({ DurableExecutionArn: arn }).Events;
    expect(events.find((e) => e.EventType === "CallbackTimedOut")!.CallbackTimedOutDetails!.Error!.Payload!.ErrorType).toBe("Callback.Timeout");
    await svc.stop();
    rmSync(dir2, { recursive: true, force: true });
  });

  it("stops a running execution with the given error and refuses to stop it twice", async () => {
    const { DurableExecutionArn: arn } = await client.send(new InvokeCommand({ FunctionName: "approver", InvocationType: "Event", Payload: "{}" }));
    await service.engine.idle();
    const stopped = await client.send(
      new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorType: "Operator", ErrorMessage: "no longer needed" } }),
    );
    expect(stopped.StopTimestamp).toBeInstanceOf(Date);
    const exec = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    expect(exec.Status).toBe("STOPPED");
    expect(exec.Error).toEqual({ ErrorType: "Operator", ErrorMessage: "no longer needed" });
    const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }));
    expect(Events!.at(-1)).toMatchObject({ EventType: "ExecutionStopped", ExecutionStoppedDetails: { Error: { Payload: { ErrorType: "Operator" } } } });
    await expect(client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn }))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
      message: expect.stringContaining("already ended (STOPPED)"),
    });
  });
});
