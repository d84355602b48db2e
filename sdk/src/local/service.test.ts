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
} from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

const greeter = withDurableExecution(async (event: { name: string }, ctx) => {
  const greeting = await ctx.step("greet", async () => `Hello, ${event.name}!`);
  await ctx.wait("pause", { seconds: 1 });
  return ctx.step("shout", async () => greeting.toUpperCase());
});

let dir: string;
let service: LocalDurableService;
let client: LambdaClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "durable-lens-"));
  service = await LocalDurableService.start({ store: SqliteStore.open(dir), functions: [{ name: "greeter", handler: greeter }] });
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
    expect(fns.Functions!.map((f) => f.FunctionName)).toEqual(["greeter"]);
    expect(fns.Functions![0]!.DurableConfig?.ExecutionTimeout).toBe(86400);
  });

  it("answers bad input with Lambda's errors, naming the problem", async () => {
    await expect(client.send(new GetDurableExecutionCommand({ DurableExecutionArn: "arn:aws:lambda:nope" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
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
});
