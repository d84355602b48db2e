// The cloud runner against the local durable service started in this process (real clock,
// SQLite), through a real LambdaClient: the same calls it makes to AWS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvocationType } from "@aws-sdk/client-lambda";
import { clientFor, startTestService, type TestService } from "../local/lambda-api.test-support.js";
import { withDurableExecution } from "../node.js";
import { CloudDurableTestRunner, LocalDurableTestRunner, WaitingOperationStatus } from "./index.js";

const approval = withDurableExecution(async (event: { amount: number }, ctx) => {
  const checked = await ctx.step("check-limit", async () => event.amount <= 1000);
  await ctx.wait("settle", { seconds: 1 });
  const answer = await ctx.waitForCallback<string>("manager", async () => {}, { timeout: { minutes: 5 } });
  return { checked, answer: JSON.parse(answer) as unknown };
});

const rejecting = withDurableExecution(async (event: { amount: number }, ctx) => {
  await ctx.step("check-limit", async () => event.amount);
  throw new TypeError(`amount ${event.amount} is not allowed`);
});

let t: TestService;
let historyDir: string;

beforeAll(async () => {
  t = await startTestService([
    { name: "approval", handler: approval },
    { name: "rejecting", handler: rejecting },
  ]);
  historyDir = mkdtempSync(join(tmpdir(), "durable-lens-cloud-runs-"));
});

afterAll(async () => {
  await t.stop();
  rmSync(historyDir, { recursive: true, force: true });
});

describe("CloudDurableTestRunner on the local service", () => {
  it("invokes asynchronously, answers the callback mid-run through the API and reads the result from history", async () => {
    const runner = new CloudDurableTestRunner<{ checked: boolean; answer: unknown }>({
      functionName: "approval:$LATEST",
      client: t.client,
      config: { invocationType: InvocationType.Event, pollInterval: 50, historyDir },
    });
    const manager = runner.getOperation("manager");
    const running = runner.run({ payload: { amount: 250 } });
    await manager.waitForData(WaitingOperationStatus.SUBMITTED);
    await manager.sendCallbackHeartbeat();
    await manager.sendCallbackSuccess(JSON.stringify({ approved: "yes" }));
    const execution = await running;

    expect(execution.getStatus()).toBe("SUCCEEDED");
    expect(execution.getResult()).toEqual({ checked: true, answer: { approved: "yes" } });
    expect(execution.getOperations().map((op) => [op.getName(), op.getType(), op.getStatus()])).toEqual([
      ["check-limit", "STEP", "SUCCEEDED"],
      ["settle", "WAIT", "SUCCEEDED"],
      ["manager", "CONTEXT", "SUCCEEDED"],
      [undefined, "CALLBACK", "SUCCEEDED"],
      [undefined, "STEP", "SUCCEEDED"],
    ]);
    expect(runner.getOperation("check-limit").getStepDetails()).toMatchObject({ attempt: 1, result: true });
    expect(runner.getOperationByIndex(1).getWaitDetails()?.waitSeconds).toBe(1);
    expect(manager.getCallbackDetails()?.result).toEqual({ approved: "yes" });
    expect(execution.getInvocations().length).toBe(3);
    expect(execution.getHistoryEvents().at(-1)?.EventType).toBe("ExecutionSucceeded");

    const files = readdirSync(historyDir).filter((f) => f.includes("_approval_SUCCEEDED_"));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(historyDir, files[0]!), "utf8")) as { Events: unknown[] };
    expect(saved.Events).toHaveLength(execution.getHistoryEvents().length);
  });

  it("reports what the local runner reports for the same function, read from history instead of checkpoints", async () => {
    const cloud = new CloudDurableTestRunner({ functionName: "rejecting", client: t.client, config: { pollInterval: 50 } });
    const local = new LocalDurableTestRunner({ handlerFunction: rejecting });
    const [fromCloud, fromLocal] = [await cloud.run({ payload: { amount: 7 } }), await local.run({ payload: { amount: 7 } })];

    expect(fromCloud.getStatus()).toBe("FAILED");
    expect(fromCloud.getError()).toEqual(fromLocal.getError());
    expect(fromCloud.getError()).toMatchObject({ errorType: "TypeError", errorMessage: "amount 7 is not allowed" });
    expect(() => fromCloud.getResult()).toThrow("amount 7 is not allowed");
    const details = (r: CloudDurableTestRunner | LocalDurableTestRunner) => {
      const op = r.getOperation("check-limit");
      return { status: op.getStatus(), step: op.getStepDetails(), events: op.getEvents()?.map((e) => e.EventType) };
    };
    expect(details(cloud)).toEqual(details(local));
  });

  it("cannot wait for operation data when the invoke only returns at the end", async () => {
    const runner = new CloudDurableTestRunner({ functionName: "rejecting", client: t.client });
    await expect(runner.getOperation("check-limit").waitForData()).rejects.toThrow(
      "InvocationType.RequestResponse cannot wait for operation data. Use InvocationType.Event to wait for operation data.",
    );
  });

  it("names a function that is not there with Lambda's error", async () => {
    const runner = new CloudDurableTestRunner({ functionName: "missing", client: clientFor(t.service.endpoint) });
    await expect(runner.run()).rejects.toThrow("Function not found: missing");
  });
});
