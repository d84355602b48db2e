// SendDurableExecutionCallbackSuccess/Failure/Heartbeat and StopDurableExecution of the local
// service, through the real LambdaClient, with every refusal checked to leave the execution as
// it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CheckpointDurableExecutionCommand,
  GetDurableExecutionCommand,
  InvokeCommand,
  LambdaClient,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { ManualFunction, callbackId, clientFor, refusal, snapshot, startTestService, waitForEvent, type TestService } from "./lambda-api.test-support.js";

/** Waits for one callback and reports how it ended. */
const approval = withDurableExecution(async (_e, ctx) => {
  try {
    return { result: await ctx.waitForCallback("approval", async () => {}) };
  } catch (e) {
    return { failed: (e as Error).message };
  }
});

const beating = withDurableExecution(async (_e, ctx) => {
  try {
    return await ctx.waitForCallback("beating", async () => {}, { heartbeatTimeout: { seconds: 1 } });
  } catch (e) {
    return `gave up: ${(e as Error).message}`;
  }
});

const timed = withDurableExecution(async (_e, ctx) => {
  try {
    return await ctx.waitForCallback("timed", async () => {}, { timeout: { seconds: 1 } });
  } catch (e) {
    return `gave up: ${(e as Error).message}`;
  }
});

const quick = withDurableExecution(async (_e, ctx) => ctx.step("only", async () => "finished"));

const manual = new ManualFunction();

let t: TestService;
beforeAll(async () => {
  t = await startTestService([
    { name: "approval", handler: approval },
    { name: "beating", handler: beating },
    { name: "timed", handler: timed },
    { name: "quick", handler: quick },
    { name: "manual", handler: manual.handler },
  ]);
});
afterAll(async () => {
  manual.finishAll();
  await t.stop();
});

const bytes = (s: string) => new TextEncoder().encode(s);

async function start(functionName: string): Promise<string> {
  const out = await t.client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: "{}" }));
  return out.DurableExecutionArn!;
}

async function settled(arn: string) {
  for (;;) {
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    if (exec.Status !== "RUNNING") return exec;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A client whose requests carry `body` instead of what the command serialized. */
function clientSendingBody(body: string | Uint8Array): LambdaClient {
  const client = clientFor(t.service.endpoint);
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      request.body = body;
      request.headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.length);
      return next(args);
    },
    { step: "build", name: "replaceBody" },
  );
  return client;
}

describe("SendDurableExecutionCallbackSuccess / Failure / Heartbeat", () => {
  it("completes a callback with the raw bytes it is sent", async () => {
    const arn = await start("approval");
    const id = await callbackId(t.client, arn);
    expect(id).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const out = await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes('{"approved":"ü"}') }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect((await settled(arn)).Result).toBe(JSON.stringify({ result: '{"approved":"ü"}' }));
    const { events } = await snapshot(t.client, arn);
    expect(events.find((e) => e.EventType === "CallbackSucceeded")).toMatchObject({ CallbackSucceededDetails: { Result: { Payload: '{"approved":"ü"}' } } });
  });

  it("completes a callback with no result, which the handler reads as undefined", async () => {
    const arn = await start("approval");
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: await callbackId(t.client, arn) }));
    const done = await settled(arn);
    expect(done.Status).toBe("SUCCEEDED");
    // The handler returned { result: undefined }: no empty string stood in for the missing body.
    expect(done.Result).toBe("{}");
    const { events } = await snapshot(t.client, arn);
    const succeeded = events.filter((e) => e.EventType === "CallbackSucceeded");
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.CallbackSucceededDetails?.Result?.Payload).toBeUndefined();
  });

  it("fails a callback with the ErrorObject it is sent, or with none", async () => {
    const error = { ErrorType: "Rejected", ErrorMessage: "not today", ErrorData: '{"why":"budget"}', StackTrace: ["at approve (a.ts:1)"] };
    const arn = await start("approval");
    await t.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: await callbackId(t.client, arn), Error: error }));
    expect(JSON.parse((await settled(arn)).Result!)).toEqual({ failed: "not today" });
    const { events } = await snapshot(t.client, arn);
    expect(events.find((e) => e.EventType === "CallbackFailed")!.CallbackFailedDetails!.Error!.Payload).toEqual(error);

    const bare = await start("approval");
    await t.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: await callbackId(t.client, bare) }));
    expect((await settled(bare)).Status).toBe("SUCCEEDED");
    const failed = (await snapshot(t.client, bare)).events.find((e) => e.EventType === "CallbackFailed")!;
    expect(failed.CallbackFailedDetails!.Error!.Payload ?? {}).toEqual({});
  });

  it("keeps a callback alive while heartbeats arrive within its heartbeat timeout", async () => {
    const arn = await start("beating");
    const id = await callbackId(t.client, arn);
    // Four heartbeats 400 ms apart outlast the 1 s heartbeat timeout several times over.
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 400));
      await t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: id }));
    }
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes('"alive"') }));
    // waitForCallback hands over the result as sent, unparsed.
    expect((await settled(arn)).Result).toBe(JSON.stringify('"alive"'));
    expect((await snapshot(t.client, arn)).events.some((e) => e.EventType === "CallbackTimedOut")).toBe(false);
  });

  it("answers a heartbeat to a callback without a heartbeat timeout", async () => {
    const arn = await start("approval");
    const id = await callbackId(t.client, arn);
    const before = await snapshot(t.client, arn);
    const out = await t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: id }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(await snapshot(t.client, arn)).toEqual(before);
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id }));
    await settled(arn);
  });

  it("refuses unknown, forged and malformed callback ids", async () => {
    const arn = await start("approval");
    const id = await callbackId(t.client, arn);
    const before = await snapshot(t.client, arn);
    // Well-formed ids that name nothing: Lambda's 404.
    const decoded = JSON.parse(atob(id)) as { a: string; o: string; n: string };
    const forged = btoa(JSON.stringify({ ...decoded, n: "AAAAAAAAAAAAAAAA" }));
    for (const unknown of ["dW5rbm93bg==", forged]) {
      for (const call of [
        () => t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: unknown, Result: bytes("1") })),
        () => t.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: unknown })),
        () => t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: unknown })),
      ]) {
        const r = await refusal(call());
        expect(r).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
        expect(r.message).toContain(unknown);
      }
    }
    // Not base64 at all: a bad parameter.
    const malformed = await refusal(t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: "not base64!", Result: bytes("1") })));
    expect(malformed).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(malformed.message).toContain("CallbackId");
    expect(await snapshot(t.client, arn)).toEqual(before);
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id }));
    await settled(arn);
  });

  it("refuses an oversized result, bad JSON, a malformed ErrorObject and invalid UTF-8, keeping the callback open", async () => {
    const arn = await start("approval");
    const id = await callbackId(t.client, arn);
    const before = await snapshot(t.client, arn);
    const big = await refusal(t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes("x".repeat(256 * 1024 + 1)) })));
    expect(big).toMatchObject({ name: "RequestTooLargeException", status: 413 });
    for (const [body, name, message] of [
      ["{oops", "InvalidRequestContentException", /not valid JSON/],
      ['"just a string"', "InvalidRequestContentException", /JSON object/],
      ['{"ErrorMessage":5}', "InvalidParameterValueException", /ErrorMessage/],
      ['{"StackTrace":"line"}', "InvalidParameterValueException", /StackTrace/],
    ] as const) {
      const client = clientSendingBody(body);
      const r = await refusal(client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: id })));
      client.destroy();
      expect(r, body).toMatchObject({ name, status: 400 });
      expect(r.message).toMatch(message);
    }
    const notUtf8 = await refusal(t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: new Uint8Array([0x22, 0xff, 0xfe, 0x22]) })));
    expect(notUtf8).toMatchObject({ name: "InvalidRequestContentException", status: 400 });
    expect(await snapshot(t.client, arn)).toEqual(before);
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes('"fine"') }));
    expect((await settled(arn)).Result).toBe(JSON.stringify({ result: '"fine"' }));
  });

  it("refuses to complete, fail or heartbeat a callback that already completed", async () => {
    const arn = await start("approval");
    const id = await callbackId(t.client, arn);
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes('"first"') }));
    await settled(arn);
    const before = await snapshot(t.client, arn);
    for (const call of [
      () => t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes('"second"') })),
      () => t.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: id, Error: { ErrorMessage: "late" } })),
      () => t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: id })),
    ]) {
      const r = await refusal(call());
      expect(r).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
      expect(r.message).toContain("already closed (SUCCEEDED");
    }
    expect(await snapshot(t.client, arn)).toEqual(before);
    expect(before.execution.Result).toBe(JSON.stringify({ result: '"first"' }));
  });

  it("answers CallbackTimeoutException for a callback that timed out", async () => {
    const arn = await start("timed");
    const id = await callbackId(t.client, arn);
    await waitForEvent(t.client, arn, (events) => events.find((e) => e.EventType === "CallbackTimedOut"));
    const done = await settled(arn);
    expect(done.Result).toBe('"gave up: Callback timed out"');
    const before = await snapshot(t.client, arn);
    for (const call of [
      () => t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes('"late"') })),
      () => t.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: id })),
      () => t.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: id })),
    ]) {
      expect(await refusal(call())).toMatchObject({ name: "CallbackTimeoutException", status: 400 });
    }
    expect(await snapshot(t.client, arn)).toEqual(before);
  });
});

describe("StopDurableExecution", () => {
  it("stops a running execution with the given error, and its callbacks close to callers", async () => {
    const arn = await start("approval");
    const id = await callbackId(t.client, arn);
    const error = { ErrorType: "Operator", ErrorMessage: "no longer needed", ErrorData: "{}", StackTrace: [] };
    const out = await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: error }));
    expect(out.StopTimestamp).toBeInstanceOf(Date);
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    expect(exec).toMatchObject({ Status: "STOPPED", Error: { ErrorType: "Operator", ErrorMessage: "no longer needed", ErrorData: "{}" } });
    expect(exec.EndTimestamp!.getTime()).toBe(out.StopTimestamp!.getTime());
    expect(exec.Result).toBeUndefined();
    const { events } = await snapshot(t.client, arn);
    expect(events.at(-1)).toMatchObject({ EventType: "ExecutionStopped", ExecutionStoppedDetails: { Error: { Payload: { ErrorType: "Operator" } } } });
    const late = await refusal(t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: bytes("1") })));
    expect(late).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(late.message).toContain("execution STOPPED");
  });

  it("stops without an error", async () => {
    const arn = await start("approval");
    await callbackId(t.client, arn);
    await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn }));
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    expect(exec.Status).toBe("STOPPED");
    expect(exec.Error).toBeUndefined();
    expect((await snapshot(t.client, arn)).events.at(-1)!.EventType).toBe("ExecutionStopped");
  });

  it("refuses to stop a finished execution, or one stopped already, and changes nothing", async () => {
    const { DurableExecutionArn: arn } = await t.client.send(new InvokeCommand({ FunctionName: "quick", Payload: "{}" }));
    const before = await snapshot(t.client, arn!);
    expect(before.execution.Status).toBe("SUCCEEDED");
    const r = await refusal(t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorMessage: "too late" } })));
    expect(r).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(r.message).toContain("already ended (SUCCEEDED)");
    expect(await snapshot(t.client, arn!)).toEqual(before);

    const running = await start("approval");
    await callbackId(t.client, running);
    await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: running }));
    const stopped = await snapshot(t.client, running);
    expect(await refusal(t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: running })))).toMatchObject({
      name: "InvalidParameterValueException",
      status: 400,
    });
    expect(await snapshot(t.client, running)).toEqual(stopped);
  });

  it("refuses an unknown execution, a malformed ARN and a malformed error body", async () => {
    const unknown = "arn:aws:lambda:us-east-1:123456789012:function:approval:$LATEST/durable-execution/x/00000000-0000-0000-0000-000000000000";
    expect(await refusal(t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: unknown })))).toMatchObject({
      name: "ResourceNotFoundException",
      status: 404,
    });
    const malformed = await refusal(t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: "arn:aws:lambda:::" })));
    expect(malformed).toMatchObject({ name: "InvalidParameterValueException", status: 400, message: expect.stringContaining("DurableExecutionArn") });

    const arn = await start("approval");
    await callbackId(t.client, arn);
    const before = await snapshot(t.client, arn);
    for (const body of ["{nope", '{"ErrorType":["a"]}']) {
      const client = clientSendingBody(body);
      const r = await refusal(client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn })));
      client.destroy();
      expect(r.status, body).toBe(400);
    }
    expect(await snapshot(t.client, arn)).toEqual(before);
    expect(before.execution.Status).toBe("RUNNING");
    await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn }));
  });

  it("cuts off an invocation in flight: its checkpoints and its result are refused", async () => {
    const arn = await start("manual");
    const inv = await manual.next();
    const { CheckpointToken } = await t.client.send(
      new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: inv.event.CheckpointToken, Updates: [{ Id: "s", Type: "STEP", Action: "START" }] }),
    );
    await t.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorMessage: "halt" } }));
    const late = await refusal(
      t.client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken, Updates: [{ Id: "s", Type: "STEP", Action: "SUCCEED" }] })),
    );
    expect(late).toMatchObject({ name: "InvalidParameterValueException", status: 400, message: expect.stringMatching(/^Invalid Checkpoint Token/) });
    const stopped = await snapshot(t.client, arn);
    inv.finish({ Status: "SUCCEEDED", Result: '"too late"' });
    await t.service.engine.idle();
    expect(await snapshot(t.client, arn)).toEqual(stopped);
    expect(stopped.execution.Status).toBe("STOPPED");
    expect(stopped.events.map((e) => e.EventType)).toEqual(["ExecutionStarted", "StepStarted", "ExecutionStopped"]);
  });
});
