// GetDurableExecution, GetDurableExecutionHistory and ListDurableExecutionsByFunction of the
// local service, through the real LambdaClient.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  paginateGetDurableExecutionHistory,
  paginateListDurableExecutionsByFunction,
  type Event,
  type ListDurableExecutionsByFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { refusal, startTestService, waitForEvent, type TestService } from "./lambda-api.test-support.js";

const fiveSteps = withDurableExecution(async (e: { tag: string }, ctx) => {
  for (let i = 0; i < 5; i++) await ctx.step(`s${i}`, async () => ({ i, tag: e.tag }));
  return "done";
});

/** Finishes at once, or holds on a callback: executions in both states to list. */
const sorter = withDurableExecution(async (e: { hold: boolean }, ctx) => {
  if (e.hold) return ctx.waitForCallback("hold", async () => {});
  return ctx.step("quick", async () => "quick");
});

const failing = withDurableExecution(async () => {
  throw new RangeError("out of range");
});

let t: TestService;
beforeAll(async () => {
  t = await startTestService([
    { name: "five-steps", handler: fiveSteps, durableConfig: { ExecutionTimeout: 900 } },
    { name: "sorter", handler: sorter },
    { name: "failing", handler: failing },
  ]);
});
afterAll(() => t.stop());

async function run(functionName: string, payload: unknown, name?: string) {
  const out = await t.client.send(new InvokeCommand({ FunctionName: functionName, Payload: JSON.stringify(payload), DurableExecutionName: name }));
  return out.DurableExecutionArn!;
}

async function start(functionName: string, payload: unknown, name?: string) {
  const out = await t.client.send(
    new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", Payload: JSON.stringify(payload), DurableExecutionName: name }),
  );
  return out.DurableExecutionArn!;
}

const unknownArn = "arn:aws:lambda:us-east-1:123456789012:function:sorter:$LATEST/durable-execution/nobody/00000000-0000-0000-0000-000000000000";

describe("GetDurableExecution", () => {
  it("describes a running execution without end, result or error", async () => {
    const arn = await start("sorter", { hold: true }, "described-running");
    await waitForEvent(t.client, arn, (events) => events.find((e) => e.EventType === "CallbackStarted"));
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    expect(exec).toMatchObject({
      DurableExecutionArn: arn,
      DurableExecutionName: "described-running",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:sorter:$LATEST",
      Status: "RUNNING",
      Version: "$LATEST",
      InputPayload: '{"hold":true}',
      ExecutionDataIncluded: true,
    });
    expect(exec.StartTimestamp).toBeInstanceOf(Date);
    expect(exec.EndTimestamp).toBeUndefined();
    expect(exec.Result).toBeUndefined();
    expect(exec.Error).toBeUndefined();
  });

  it("describes a succeeded and a failed execution, with or without their data", async () => {
    const ok = await run("five-steps", { tag: "a" });
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: ok }));
    expect(exec).toMatchObject({ Status: "SUCCEEDED", Result: '"done"', InputPayload: '{"tag":"a"}', DurableConfig: { ExecutionTimeout: 900 } });
    expect(exec.EndTimestamp!.getTime()).toBeGreaterThanOrEqual(exec.StartTimestamp!.getTime());
    expect(exec.Error).toBeUndefined();

    const bad = await run("failing", {});
    const failed = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: bad, IncludeExecutionData: true }));
    expect(failed).toMatchObject({ Status: "FAILED", Error: { ErrorType: "RangeError", ErrorMessage: "out of range" }, ExecutionDataIncluded: true });
    expect(failed.Result).toBeUndefined();

    for (const arn of [ok, bad]) {
      const lean = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: false }));
      expect(lean.ExecutionDataIncluded).toBe(false);
      expect(lean.InputPayload).toBeUndefined();
      expect(lean.Result).toBeUndefined();
      expect(lean.Error).toBeUndefined();
      expect(lean.EndTimestamp).toBeInstanceOf(Date);
    }
  });

  it("answers 404 for an unknown execution and 400 for a malformed ARN", async () => {
    const missing = await refusal(t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: unknownArn })));
    expect(missing).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(missing.message).toContain(unknownArn);
    for (const DurableExecutionArn of ["not-an-arn", "arn:aws:lambda:us-east-1:123456789012:function:sorter", unknownArn.replace("$LATEST", "latest")]) {
      const malformed = await refusal(t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn })));
      expect(malformed, DurableExecutionArn).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
      expect(malformed.message).toContain("DurableExecutionArn");
    }
  });
});

describe("GetDurableExecutionHistory", () => {
  let arn: string;
  let all: Event[];
  beforeAll(async () => {
    arn = await run("five-steps", { tag: "history" }, "history-run");
    all = (await t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!;
  });

  it("returns every event oldest first with consecutive ids and the execution data", () => {
    expect(all.map((e) => e.EventType)).toEqual([
      "ExecutionStarted",
      ...Array.from({ length: 5 }, () => ["StepStarted", "StepSucceeded"]).flat(),
      "InvocationCompleted",
      "ExecutionSucceeded",
    ]);
    expect(all.map((e) => e.EventId)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    const times = all.map((e) => e.EventTimestamp!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(all[0]).toMatchObject({ Name: "history-run", ExecutionStartedDetails: { Input: { Payload: '{"tag":"history"}' }, ExecutionTimeout: 900 } });
    expect(all[2]).toMatchObject({ Name: "s0", SubType: "Step", StepSucceededDetails: { Result: { Payload: '{"i":0,"tag":"history"}' }, RetryDetails: { CurrentAttempt: 1 } } });
    expect(all[11]!.InvocationCompletedDetails!.RequestId).toBeTruthy();
    expect(all[12]!.ExecutionSucceededDetails!.Result!.Payload).toBe('"done"');
  });

  it("pages forwards and backwards with MaxItems and Marker, and through the paginator", async () => {
    const pages = async (ReverseOrder: boolean, MaxItems: number) => {
      const out: number[][] = [];
      let Marker: string | undefined;
      do {
        const page = await t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems, Marker, ReverseOrder }));
        out.push(page.Events!.map((e) => e.EventId!));
        Marker = page.NextMarker;
      } while (Marker);
      return out;
    };
    expect(await pages(false, 4)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13]]);
    expect(await pages(true, 5)).toEqual([[13, 12, 11, 10, 9], [8, 7, 6, 5, 4], [3, 2, 1]]);
    expect(await pages(false, 13)).toEqual([Array.from({ length: 13 }, (_, i) => i + 1)]);
    const viaPaginator: Event[] = [];
    for await (const page of paginateGetDurableExecutionHistory({ client: t.client, pageSize: 3 }, { DurableExecutionArn: arn, IncludeExecutionData: true })) {
      viaPaginator.push(...page.Events!);
    }
    expect(viaPaginator).toEqual(all);
  });

  it("leaves payloads out with IncludeExecutionData=false and changes nothing else", async () => {
    const lean = (await t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: false }))).Events!;
    const withoutPayloads = JSON.parse(JSON.stringify(all, (k, v) => (k === "Payload" ? undefined : v)));
    expect(JSON.parse(JSON.stringify(lean))).toEqual(withoutPayloads);
    expect(lean[0]!.ExecutionStartedDetails!.Input!.Payload).toBeUndefined();
    expect(lean[12]!.ExecutionSucceededDetails!.Result!.Payload).toBeUndefined();
  });

  it("refuses a bad page size or marker, an unknown execution and a malformed ARN", async () => {
    const history = (input: { MaxItems?: number; Marker?: string; DurableExecutionArn?: string }) =>
      t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, ...input }));
    expect(await refusal(history({ MaxItems: 1001 }))).toMatchObject({ name: "InvalidParameterValueException", status: 400, message: expect.stringContaining("MaxItems") });
    expect(await refusal(history({ Marker: "%%%" }))).toMatchObject({ name: "InvalidParameterValueException", status: 400, message: expect.stringContaining("Marker") });
    expect(await refusal(history({ DurableExecutionArn: unknownArn }))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(await refusal(history({ DurableExecutionArn: "arn:nope" }))).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
  });
});

describe("ListDurableExecutionsByFunction", () => {
  const names = ["batch-0", "batch-1", "batch-2", "batch-3", "batch-4"];
  const starts: number[] = [];
  beforeAll(async () => {
    for (const [i, name] of names.entries()) {
      // Odd ones hold on a callback and stay RUNNING; the others finish.
      const arn = i % 2 === 1 ? await start("sorter", { hold: true }, name) : await run("sorter", { hold: false }, name);
      starts.push((await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).StartTimestamp!.getTime());
      await new Promise((r) => setTimeout(r, 15));
    }
  });

  const list = async (input: Omit<ListDurableExecutionsByFunctionCommandInput, "FunctionName"> & { FunctionName?: string }) => {
    const out = await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "sorter", ...input }));
    return (out.DurableExecutions ?? []).map((e) => e.DurableExecutionName).filter((n) => n?.startsWith("batch-"));
  };

  it("lists newest first by default and oldest first with ReverseOrder", async () => {
    expect(await list({})).toEqual(["batch-4", "batch-3", "batch-2", "batch-1", "batch-0"]);
    expect(await list({ ReverseOrder: false })).toEqual(["batch-4", "batch-3", "batch-2", "batch-1", "batch-0"]);
    expect(await list({ ReverseOrder: true })).toEqual(names);
    const out = await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:sorter" }));
    const done = out.DurableExecutions!.find((e) => e.DurableExecutionName === "batch-2")!;
    expect(done).toMatchObject({ Status: "SUCCEEDED", FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:sorter:$LATEST" });
    expect(done.DurableExecutionArn).toMatch(/\/durable-execution\/batch-2\//);
    expect(done.StartTimestamp).toBeInstanceOf(Date);
    expect(done.EndTimestamp).toBeInstanceOf(Date);
    expect(out.DurableExecutions!.find((e) => e.DurableExecutionName === "batch-1")!.EndTimestamp).toBeUndefined();
  });

  it("filters by status, name and start time", async () => {
    expect(await list({ Statuses: ["RUNNING"] })).toEqual(["batch-3", "batch-1"]);
    expect(await list({ Statuses: ["SUCCEEDED"] })).toEqual(["batch-4", "batch-2", "batch-0"]);
    expect(await list({ Statuses: ["RUNNING", "SUCCEEDED"], ReverseOrder: true })).toEqual(names);
    expect(await list({ Statuses: ["FAILED", "STOPPED", "TIMED_OUT"] })).toEqual([]);
    expect(await list({ DurableExecutionName: "batch-2" })).toEqual(["batch-2"]);
    const between = (i: number) => new Date((starts[i]! + starts[i + 1]!) / 2);
    expect(await list({ StartedAfter: between(1) })).toEqual(["batch-4", "batch-3", "batch-2"]);
    expect(await list({ StartedBefore: between(2) })).toEqual(["batch-2", "batch-1", "batch-0"]);
    expect(await list({ StartedAfter: between(1), StartedBefore: between(2) })).toEqual(["batch-2"]);
    expect(await list({ StartedAfter: between(1), Statuses: ["RUNNING"] })).toEqual(["batch-3"]);
  });

  it("pages with MaxItems and Marker in both orders, filters included", async () => {
    const pages = async (input: Omit<ListDurableExecutionsByFunctionCommandInput, "FunctionName">) => {
      const out: string[][] = [];
      let Marker: string | undefined;
      do {
        const page = await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "sorter", ...input, Marker }));
        out.push(page.DurableExecutions!.map((e) => e.DurableExecutionName!));
        Marker = page.NextMarker;
      } while (Marker);
      return out;
    };
    const batchOnly = { DurableExecutionName: "batch-" };
    expect(await pages({ ...batchOnly, MaxItems: 2 })).toEqual([["batch-4", "batch-3"], ["batch-2", "batch-1"], ["batch-0"]]);
    expect(await pages({ ...batchOnly, MaxItems: 2, ReverseOrder: true })).toEqual([["batch-0", "batch-1"], ["batch-2", "batch-3"], ["batch-4"]]);
    expect(await pages({ ...batchOnly, MaxItems: 5 })).toEqual([["batch-4", "batch-3", "batch-2", "batch-1", "batch-0"]]);
    const viaPaginator: string[] = [];
    for await (const page of paginateListDurableExecutionsByFunction({ client: t.client, pageSize: 1 }, { FunctionName: "sorter", Statuses: ["SUCCEEDED"], ...batchOnly })) {
      viaPaginator.push(...page.DurableExecutions!.map((e) => e.DurableExecutionName!));
    }
    expect(viaPaginator).toEqual(["batch-4", "batch-2", "batch-0"]);
  });

  it("refuses an unknown function, an unknown status, a bad page size or marker", async () => {
    const listing = (input: Partial<ListDurableExecutionsByFunctionCommandInput>) =>
      t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "sorter", ...input }));
    expect(await refusal(listing({ FunctionName: "no-such-fn" }))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(await refusal(listing({ Qualifier: "9" }))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(await refusal(listing({ Statuses: ["BOGUS" as never] }))).toMatchObject({ name: "InvalidParameterValueException", status: 400, message: expect.stringContaining("BOGUS") });
    expect(await refusal(listing({ MaxItems: 1001 }))).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(await refusal(listing({ Marker: "garbage" }))).toMatchObject({ name: "InvalidParameterValueException", status: 400, message: expect.stringContaining("Marker") });
    expect(await refusal(listing({ DurableExecutionName: "bad name" }))).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
  });
});
