// CheckpointDurableExecution and GetDurableExecutionState through the real LambdaClient. The
// test plays the durable function (a ManualFunction), so it holds a live checkpoint token and
// can send exactly the requests a runtime sends, good and bad.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CheckpointDurableExecutionCommand,
  GetDurableExecutionStateCommand,
  InvokeCommand,
  LambdaClient,
  SendDurableExecutionCallbackSuccessCommand,
  paginateGetDurableExecutionState,
  type CheckpointDurableExecutionCommandOutput,
  type OperationUpdate,
} from "@aws-sdk/client-lambda";
import { ManualFunction, clientFor, refusal, snapshot, startTestService, type ManualInvocation, type TestService } from "./lambda-api.test-support.js";

const manual = new ManualFunction();
let t: TestService;
beforeAll(async () => {
  t = await startTestService([{ name: "manual", handler: manual.handler }]);
});
afterAll(async () => {
  manual.finishAll();
  await t.stop();
});

const TOKEN = /^[A-Za-z0-9+/]+={0,2}$/;

/** Starts an execution of the manual function and takes its first invocation. */
async function begin(): Promise<ManualInvocation & { arn: string }> {
  const { DurableExecutionArn } = await t.client.send(new InvokeCommand({ FunctionName: "manual", InvocationType: "Event", Payload: '{"order":1}' }));
  const inv = await manual.next();
  expect(inv.event.DurableExecutionArn).toBe(DurableExecutionArn);
  return { ...inv, arn: DurableExecutionArn! };
}

const checkpoint = (arn: string, token: string, updates: OperationUpdate[], clientToken?: string) =>
  t.client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: token, Updates: updates, ClientToken: clientToken }));

/** A client whose requests carry `body` instead of what the command serialized: how a broken caller looks. */
function clientSendingBody(body: string): LambdaClient {
  const client = clientFor(t.service.endpoint);
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      request.body = body;
      request.headers["content-length"] = String(Buffer.byteLength(body));
      return next(args);
    },
    { step: "build", name: "replaceBody" },
  );
  return client;
}

const BATCH: OperationUpdate[] = [
  { Id: "s1", Type: "STEP", Action: "START", Name: "charge", SubType: "Step" },
  { Id: "s1", Type: "STEP", Action: "SUCCEED", Payload: '"charged"' },
  { Id: "w1", Type: "WAIT", Action: "START", Name: "cool-off", SubType: "Wait", WaitOptions: { WaitSeconds: 3600 } },
  { Id: "c1", Type: "CALLBACK", Action: "START", Name: "approval", SubType: "Callback", CallbackOptions: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 600 } },
  { Id: "s2", Type: "STEP", Action: "START", Name: "ship" },
  { Id: "s2", Type: "STEP", Action: "RETRY", Error: { ErrorType: "Busy", ErrorMessage: "try later" }, StepOptions: { NextAttemptDelaySeconds: 3600 } },
  { Id: "ctx", Type: "CONTEXT", Action: "START", Name: "child", SubType: "RunInChildContext" },
  { Id: "s3", Type: "STEP", Action: "START", Name: "inner", ParentId: "ctx" },
];

describe("CheckpointDurableExecution", () => {
  it("applies a batch, returns a new token and every operation it changed", async () => {
    const inv = await begin();
    const before = Date.now();
    const out = await checkpoint(inv.arn, inv.event.CheckpointToken, BATCH);
    expect(out.CheckpointToken).toMatch(TOKEN);
    expect(out.CheckpointToken).not.toBe(inv.event.CheckpointToken);
    expect(out.NewExecutionState!.NextMarker).toBeUndefined();
    const ops = new Map(out.NewExecutionState!.Operations!.map((o) => [o.Id, o]));
    expect([...ops.keys()].sort()).toEqual(["c1", "ctx", "s1", "s2", "s3", "w1"]);
    expect(ops.get("s1")).toMatchObject({ Type: "STEP", Status: "SUCCEEDED", Name: "charge", SubType: "Step", StepDetails: { Attempt: 1, Result: '"charged"' } });
    expect(ops.get("s1")!.EndTimestamp).toBeInstanceOf(Date);
    const end = ops.get("w1")!.WaitDetails!.ScheduledEndTimestamp!.getTime();
    expect(end).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(end).toBeLessThanOrEqual(Date.now() + 3_600_000 + 1000);
    expect(ops.get("c1")!.CallbackDetails!.CallbackId).toMatch(TOKEN);
    expect(ops.get("s2")).toMatchObject({ Status: "PENDING", StepDetails: { Attempt: 1, Error: { ErrorType: "Busy", ErrorMessage: "try later" } } });
    expect(ops.get("s2")!.StepDetails!.NextAttemptTimestamp).toBeInstanceOf(Date);
    expect(ops.get("s3")).toMatchObject({ Status: "STARTED", ParentId: "ctx" });

    const { events } = await snapshot(t.client, inv.arn);
    expect(events.map((e) => [e.EventId, e.EventType, e.Id])).toEqual([
      [1, "ExecutionStarted", inv.event.InitialExecutionState.Operations![0]!.Id],
      [2, "StepStarted", "s1"],
      [3, "StepSucceeded", "s1"],
      [4, "WaitStarted", "w1"],
      [5, "CallbackStarted", "c1"],
      [6, "StepStarted", "s2"],
      [7, "StepFailed", "s2"],
      [8, "ContextStarted", "ctx"],
      [9, "StepStarted", "s3"],
    ]);
    expect(events[4]!.CallbackStartedDetails).toEqual({ CallbackId: ops.get("c1")!.CallbackDetails!.CallbackId, Timeout: 3600, HeartbeatTimeout: 600 });
    expect(events[6]!.StepFailedDetails!.RetryDetails).toEqual({ CurrentAttempt: 1, NextAttemptDelaySeconds: 3600 });
    expect(events[8]).toMatchObject({ ParentId: "ctx", Name: "inner" });
    inv.finish({ Status: "PENDING" });
  });

  it("answers a retried request (same ClientToken) with the stored response and refuses a stale token", async () => {
    const inv = await begin();
    const first = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "a", Type: "STEP", Action: "START" }], "client-token-1");
    const retried = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "a", Type: "STEP", Action: "START" }], "client-token-1");
    const strip = ({ $metadata: _m, ...rest }: CheckpointDurableExecutionCommandOutput) => rest;
    expect(strip(retried)).toEqual(strip(first));
    const before = await snapshot(t.client, inv.arn);
    expect(before.events.filter((e) => e.EventType === "StepStarted")).toHaveLength(1);

    const stale = await refusal(checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "b", Type: "STEP", Action: "START" }], "client-token-2"));
    expect(stale).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(stale.message).toMatch(/^Invalid Checkpoint Token/);
    const forged = await refusal(checkpoint(inv.arn, "Zm9yZ2Vk", []));
    expect(forged.message).toMatch(/^Invalid Checkpoint Token/);
    expect(await snapshot(t.client, inv.arn)).toEqual(before);
    // The current token still works.
    await checkpoint(inv.arn, first.CheckpointToken!, [{ Id: "a", Type: "STEP", Action: "SUCCEED", Payload: "1" }]);
    inv.finish({ Status: "PENDING" });
  });

  it("refuses a ClientToken reused with different updates with a 400 naming the mismatch, and keeps nothing of it", async () => {
    const inv = await begin();
    const first = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "a", Type: "STEP", Action: "START" }], "reused-token");
    const before = await snapshot(t.client, inv.arn);

    const otherUpdates = await refusal(checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "b", Type: "STEP", Action: "START" }], "reused-token"));
    expect(otherUpdates).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(otherUpdates.message).toMatch(/ClientToken "reused-token" was already used for a checkpoint with different Updates;/);
    const otherToken = await refusal(checkpoint(inv.arn, first.CheckpointToken!, [{ Id: "a", Type: "STEP", Action: "START" }], "reused-token"));
    expect(otherToken.message).toMatch(/with different CheckpointToken;/);
    expect(await snapshot(t.client, inv.arn)).toEqual(before);

    // The identical request is still a retry, answered as the first time.
    const retried = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "a", Type: "STEP", Action: "START" }], "reused-token");
    expect(retried.CheckpointToken).toBe(first.CheckpointToken);
    await checkpoint(inv.arn, first.CheckpointToken!, [{ Id: "a", Type: "STEP", Action: "SUCCEED", Payload: "1" }]);
    inv.finish({ Status: "PENDING" });
  });

  it("refuses an invalid batch whole, and leaves the execution and the token as they were", async () => {
    const inv = await begin();
    const { CheckpointToken: token } = await checkpoint(inv.arn, inv.event.CheckpointToken, [
      { Id: "done", Type: "STEP", Action: "START" },
      { Id: "done", Type: "STEP", Action: "SUCCEED", Payload: "1" },
      { Id: "notctx", Type: "STEP", Action: "START" },
    ]);
    const before = await snapshot(t.client, inv.arn);
    const bad: [OperationUpdate[], RegExp][] = [
      // A good update before a bad one must not be kept.
      [[{ Id: "x1", Type: "STEP", Action: "START" }, { Id: "w", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 0 } }], /Updates\[1\]\.WaitOptions\.WaitSeconds/],
      [[{ Id: "x2", Type: "STEP", Action: "CANCEL" }], /Updates\[0\]\.Action/],
      [[{ Type: "STEP", Action: "START" } as OperationUpdate], /Updates\[0\]\.Id/],
      [[{ Id: "x3", Type: "TIMER" as never, Action: "START" }], /Updates\[0\]\.Type/],
      [[{ Id: "done", Type: "STEP", Action: "START" }], /cannot START STEP operation done in status SUCCEEDED/],
      [[{ Id: "ghost", Type: "STEP", Action: "SUCCEED" }], /cannot SUCCEED STEP operation ghost/],
      [[{ Id: "x4", Type: "STEP", Action: "START", ParentId: "notctx" }], /Updates\[0\]\.ParentId/],
      [[{ Id: "x5", Type: "STEP", Action: "START" }, { Id: "x5", Type: "STEP", Action: "RETRY", StepOptions: { NextAttemptDelaySeconds: 5 }, Error: {}, Payload: "1" }], /Updates\[1\]/],
      [[{ Id: "x6", Type: "CALLBACK", Action: "START", CallbackOptions: { TimeoutSeconds: -1 } }], /TimeoutSeconds/],
      [[{ Id: "x7", Type: "CHAINED_INVOKE", Action: "START" }], /ChainedInvokeOptions\.FunctionName/],
      [[{ Id: "bad id!", Type: "STEP", Action: "START" }], /Updates\[0\]\.Id/],
      [[{ Id: "x8", Type: "STEP", Action: "START", Name: "tab\tname" }], /Updates\[0\]\.Name/],
    ];
    for (const [updates, message] of bad) {
      const r = await refusal(checkpoint(inv.arn, token!, updates));
      expect(r, JSON.stringify(updates)).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
      expect(r.message).toMatch(message);
    }
    expect(await snapshot(t.client, inv.arn)).toEqual(before);
    const ok = await checkpoint(inv.arn, token!, [{ Id: "x1", Type: "STEP", Action: "START" }]);
    expect(ok.NewExecutionState!.Operations!.map((o) => o.Id)).toEqual(["x1"]);
    inv.finish({ Status: "PENDING" });
  });

  it("refuses bodies that are not JSON, not an object, or carry the wrong types", async () => {
    const inv = await begin();
    const before = await snapshot(t.client, inv.arn);
    const cases: [string, string, RegExp][] = [
      ["{not json", "InvalidRequestContentException", /not valid JSON/],
      ["[1,2]", "InvalidRequestContentException", /JSON object/],
      [JSON.stringify({ CheckpointToken: inv.event.CheckpointToken, Updates: "all of them" }), "InvalidParameterValueException", /Updates/],
      [JSON.stringify({ CheckpointToken: inv.event.CheckpointToken, Updates: [7] }), "InvalidParameterValueException", /Updates\[0\]/],
      [JSON.stringify({ CheckpointToken: 42 }), "InvalidParameterValueException", /CheckpointToken/],
      [JSON.stringify({ Updates: [] }), "InvalidParameterValueException", /CheckpointToken/],
      [JSON.stringify({ CheckpointToken: inv.event.CheckpointToken, ClientToken: "has space" }), "InvalidParameterValueException", /ClientToken/],
    ];
    for (const [body, name, message] of cases) {
      const client = clientSendingBody(body);
      const r = await refusal(client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: inv.arn, CheckpointToken: "x" })));
      client.destroy();
      expect(r, body).toMatchObject({ name, status: 400 });
      expect(r.message).toMatch(message);
    }
    expect(await snapshot(t.client, inv.arn)).toEqual(before);
    await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "still-fine", Type: "STEP", Action: "START" }]);
    inv.finish({ Status: "PENDING" });
  });

  it("refuses a payload over 6 MiB: 400 naming it inside the body limit, 413 beyond it", async () => {
    const inv = await begin();
    const { CheckpointToken: token } = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "big", Type: "STEP", Action: "START" }]);
    const before = await snapshot(t.client, inv.arn);
    const over = await refusal(checkpoint(inv.arn, token!, [{ Id: "big", Type: "STEP", Action: "SUCCEED", Payload: "x".repeat(6 * 1024 * 1024 + 1) }]));
    expect(over).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(over.message).toContain("Updates[0].Payload");
    const farOver = await refusal(checkpoint(inv.arn, token!, [{ Id: "big", Type: "STEP", Action: "SUCCEED", Payload: "y".repeat(10 * 1024 * 1024) }]));
    expect(farOver).toMatchObject({ name: "RequestTooLargeException", status: 413 });
    expect(await snapshot(t.client, inv.arn)).toEqual(before);
    const exactly = "z".repeat(6 * 1024 * 1024);
    const ok = await checkpoint(inv.arn, token!, [{ Id: "big", Type: "STEP", Action: "SUCCEED", Payload: exactly }]);
    expect(ok.NewExecutionState!.Operations![0]!.StepDetails!.Result).toHaveLength(exactly.length);
    inv.finish({ Status: "PENDING" });
  });

  it("refuses a malformed or unknown execution ARN", async () => {
    const inv = await begin();
    const malformed = await refusal(checkpoint("arn:aws:lambda:us-east-1:123456789012:function:manual", inv.event.CheckpointToken, []));
    expect(malformed).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(malformed.message).toContain("DurableExecutionArn");
    const unknown = inv.arn.replace(/[0-9a-f-]{36}$/, "00000000-0000-0000-0000-000000000000");
    expect(await refusal(checkpoint(unknown, inv.event.CheckpointToken, []))).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    inv.finish({ Status: "PENDING" });
  });

  it("returns what the service changed meanwhile (a completed callback) in the next checkpoint response", async () => {
    const inv = await begin();
    const opened = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "cb", Type: "CALLBACK", Action: "START", Name: "approval" }]);
    const callbackId = opened.NewExecutionState!.Operations![0]!.CallbackDetails!.CallbackId!;
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode('"yes"') }));
    const next = await checkpoint(inv.arn, opened.CheckpointToken!, []);
    expect(next.NewExecutionState!.Operations).toEqual([
      expect.objectContaining({ Id: "cb", Status: "SUCCEEDED", CallbackDetails: { CallbackId: callbackId, Result: '"yes"' } }),
    ]);
    // Reported once: the checkpoint after it carries nothing.
    expect((await checkpoint(inv.arn, next.CheckpointToken!, [])).NewExecutionState!.Operations).toEqual([]);
    inv.finish({ Status: "PENDING" });
    // The completion arrived mid-invocation, so the service invokes again with the new state.
    const again = await manual.next();
    expect(again.event.DurableExecutionArn).toBe(inv.arn);
    expect(again.event.CheckpointToken).not.toBe(next.CheckpointToken);
    expect(again.event.InitialExecutionState.Operations!.find((o) => o.Id === "cb")).toMatchObject({ Status: "SUCCEEDED" });
    again.finish({ Status: "SUCCEEDED", Result: '"approved"' });
  });

  it("refuses checkpoints and state reads once the execution has ended", async () => {
    const inv = await begin();
    const { CheckpointToken: token } = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "last", Type: "STEP", Action: "START" }]);
    inv.finish({ Status: "SUCCEEDED", Result: '"over"' });
    for (;;) {
      const { execution } = await snapshot(t.client, inv.arn);
      if (execution.Status === "SUCCEEDED") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const before = await snapshot(t.client, inv.arn);
    const late = await refusal(checkpoint(inv.arn, token!, [{ Id: "last", Type: "STEP", Action: "SUCCEED" }]));
    expect(late).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(late.message).toMatch(/^Invalid Checkpoint Token/);
    const read = await refusal(t.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: inv.arn, CheckpointToken: token! })));
    expect(read).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(await snapshot(t.client, inv.arn)).toEqual(before);
    expect(before.execution.Result).toBe('"over"');
  });
});

describe("GetDurableExecutionState", () => {
  it("pages the operation table in start order with MaxItems and Marker", async () => {
    const inv = await begin();
    const { CheckpointToken: token } = await checkpoint(inv.arn, inv.event.CheckpointToken, BATCH);
    const expected = [inv.event.InitialExecutionState.Operations![0]!.Id, "s1", "w1", "c1", "s2", "ctx", "s3"];

    const ids: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await t.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: inv.arn, CheckpointToken: token!, MaxItems: 2, Marker: marker }));
      expect(page.Operations!.length).toBeLessThanOrEqual(2);
      ids.push(...page.Operations!.map((o) => o.Id!));
      marker = page.NextMarker;
      pages++;
    } while (marker);
    expect(ids).toEqual(expected);
    expect(pages).toBe(4);

    const viaPaginator: string[] = [];
    for await (const page of paginateGetDurableExecutionState({ client: t.client, pageSize: 3 }, { DurableExecutionArn: inv.arn, CheckpointToken: token! })) {
      viaPaginator.push(...page.Operations!.map((o) => o.Id!));
    }
    expect(viaPaginator).toEqual(expected);

    const all = await t.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: inv.arn, CheckpointToken: token!, MaxItems: 0 }));
    expect(all.Operations!.map((o) => o.Id)).toEqual(expected);
    expect(all.NextMarker).toBeUndefined();
    expect(all.Operations![0]).toMatchObject({ Type: "EXECUTION", Status: "STARTED", ExecutionDetails: { InputPayload: '{"order":1}' } });
    expect(all.Operations![0]!.StartTimestamp).toBeInstanceOf(Date);
    inv.finish({ Status: "PENDING" });
  });

  it("refuses a stale token, a bad page size, a foreign marker and a malformed ARN", async () => {
    const inv = await begin();
    const { CheckpointToken: token } = await checkpoint(inv.arn, inv.event.CheckpointToken, [{ Id: "one", Type: "STEP", Action: "START" }]);
    const state = (input: { CheckpointToken: string; MaxItems?: number; Marker?: string; DurableExecutionArn?: string }) =>
      t.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: inv.arn, ...input }));
    const stale = await refusal(state({ CheckpointToken: inv.event.CheckpointToken }));
    expect(stale).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(stale.message).toMatch(/^Invalid Checkpoint Token/);
    const big = await refusal(state({ CheckpointToken: token!, MaxItems: 1001 }));
    expect(big).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(big.message).toContain("MaxItems");
    const foreign = await refusal(state({ CheckpointToken: token!, Marker: "bm90IG1pbmU=" }));
    expect(foreign).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(foreign.message).toContain("Marker");
    const malformed = await refusal(state({ CheckpointToken: token!, DurableExecutionArn: "not-an-arn" }));
    expect(malformed).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(malformed.message).toContain("DurableExecutionArn");
    // Reading state does not use the token up.
    const ok = await state({ CheckpointToken: token! });
    expect(ok.Operations!.map((o) => o.Id)).toContain("one");
    await checkpoint(inv.arn, token!, []);
    inv.finish({ Status: "PENDING" });
  });
});
