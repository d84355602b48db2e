import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CallbackError, createRetryStrategy, InvokeError, JitterStrategy, withDurableExecution } from "../node.js";
import { LocalDurableTestRunner, WaitingOperationStatus } from "./index.js";

beforeAll(() => LocalDurableTestRunner.setupTestEnvironment({ skipTime: true }));
afterAll(() => LocalDurableTestRunner.teardownTestEnvironment());

const seconds = (from: Date | undefined, to: Date | undefined) => (to!.getTime() - from!.getTime()) / 1000;

describe("LocalDurableTestRunner under skip time", () => {
  it("runs a day-long wait at once, with the timestamps Lambda would write", async () => {
    const handler = withDurableExecution(async (event: { userId: string }, ctx) => {
      const user = await ctx.step("fetch-user", async () => ({ id: event.userId }));
      await ctx.wait("cool-off", { hours: 24 });
      return ctx.step("greet", async () => `hello ${user.id}`);
    });
    const runner = new LocalDurableTestRunner({ handlerFunction: handler, durableConfig: { ExecutionTimeout: 2 * 86_400 } });
    const started = performance.now();
    const execution = await runner.run({ payload: { userId: "42" } });
    expect(performance.now() - started).toBeLessThan(5_000);

    expect(execution.getStatus()).toBe("SUCCEEDED");
    expect(execution.getResult()).toBe("hello 42");
    expect(execution.getOperations().map((op) => [op.getName(), op.getType(), op.getStatus()])).toEqual([
      ["fetch-user", "STEP", "SUCCEEDED"],
      ["cool-off", "WAIT", "SUCCEEDED"],
      ["greet", "STEP", "SUCCEEDED"],
    ]);
    const wait = runner.getOperationByIndex(1);
    expect(wait.getWaitDetails()?.waitSeconds).toBe(86_400);
    expect(seconds(wait.getStartTimestamp(), wait.getEndTimestamp())).toBe(86_400);
    expect(runner.getOperation("fetch-user").getStepDetails()).toMatchObject({ attempt: 1, result: { id: "42" } });

    const events = execution.getHistoryEvents();
    expect(events.map((e) => e.EventType)).toEqual([
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
    expect(events[0]!.ExecutionStartedDetails).toEqual({ Input: { Payload: '{"userId":"42"}', Truncated: false }, ExecutionTimeout: 172_800 });
    expect(seconds(events[0]!.EventTimestamp, events.at(-1)!.EventTimestamp)).toBe(86_400);
    expect(execution.getInvocations()).toHaveLength(2);
  });

  it("retries a step with its back-off skipped, in the same invocation as the official runner", async () => {
    let attempts = 0;
    const handler = withDurableExecution(async (_event, ctx) =>
      ctx.step(
        "charge",
        async () => {
          attempts += 1;
          if (attempts < 3) throw new Error(`declined ${attempts}`);
          return { charged: true };
        },
        { retryStrategy: createRetryStrategy({ maxAttempts: 5, initialDelay: { minutes: 10 }, maxDelay: { hours: 1 }, backoffRate: 2, jitter: JitterStrategy.NONE }) },
      ),
    );
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const execution = await runner.run();

    expect(execution.getResult()).toEqual({ charged: true });
    expect(runner.getOperation("charge").getStepDetails()).toMatchObject({ attempt: 3, result: { charged: true }, error: undefined });
    const charge = execution.getHistoryEvents().filter((e) => e.Name === "charge");
    expect(charge.map((e) => [e.EventType, e.StepFailedDetails?.RetryDetails ?? e.StepSucceededDetails?.RetryDetails])).toEqual([
      ["StepStarted", undefined],
      ["StepFailed", { CurrentAttempt: 1, NextAttemptDelaySeconds: 600 }],
      ["StepStarted", undefined],
      ["StepFailed", { CurrentAttempt: 2, NextAttemptDelaySeconds: 1200 }],
      ["StepStarted", undefined],
      ["StepSucceeded", { CurrentAttempt: 3 }],
    ]);
    expect(charge.map((e) => seconds(charge[0]!.EventTimestamp, e.EventTimestamp))).toEqual([0, 0, 600, 600, 1800, 1800]);
    // The attempts counter lives in the test, not the handler, so one invocation or three both count to 3.
    expect(execution.getInvocations()).toHaveLength(1);
  });

  it("reports a failing execution's error, and getResult throws it", async () => {
    const handler = withDurableExecution(async (event: { amount: number }, ctx) => {
      await ctx.step("validate", async () => true);
      if (event.amount > 100) throw new RangeError(`amount ${event.amount} is over the limit`);
      return "ok";
    });
    const execution = await new LocalDurableTestRunner({ handlerFunction: handler }).run({ payload: { amount: 500 } });

    expect(execution.getStatus()).toBe("FAILED");
    expect(execution.getError()).toMatchObject({ errorType: "RangeError", errorMessage: "amount 500 is over the limit" });
    expect(() => execution.getResult()).toThrow("amount 500 is over the limit");
    expect(execution.getHistoryEvents().at(-1)!.EventType).toBe("ExecutionFailed");
    expect(execution.getOperations({ status: "SUCCEEDED" }).map((op) => op.getName())).toEqual(["validate"]);
  });

  it("fails the execution after Lambda's invocation retries when the handler itself crashes", async () => {
    const crashing = async () => {
      throw new Error("the runtime crashed");
    };
    const execution = await new LocalDurableTestRunner({ handlerFunction: crashing }).run();
    expect(execution.getStatus()).toBe("FAILED");
    expect(execution.getError()).toMatchObject({ errorMessage: "the runtime crashed" });
    expect(execution.getInvocations().map((i) => i.error?.errorMessage)).toEqual(["the runtime crashed", "the runtime crashed", "the runtime crashed"]);
    expect(() => execution.getError() && execution.getResult()).toThrow("the runtime crashed");
  });
});

describe("checkpointDelay", () => {
  it("slows every checkpoint down by the given real milliseconds, with the same outcome", async () => {
    await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true, checkpointDelay: 50 });
    try {
      const handler = withDurableExecution(async (_event, ctx) => {
        const a = await ctx.step("a", async () => 1);
        const b = await ctx.step("b", async () => 2);
        return a + b;
      });
      const started = performance.now();
      const execution = await new LocalDurableTestRunner({ handlerFunction: handler }).run();
      expect(execution.getResult()).toBe(3);
      // At least the checkpoints of a's and b's results, one after the other.
      expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    } finally {
      await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
    }
  });
});

describe("callbacks answered while the execution runs", () => {
  const approval = withDurableExecution(async (event: { id: string }, ctx) => {
    const answer = await ctx.waitForCallback<string>("manager-approval", async () => {}, { timeout: { days: 3 }, heartbeatTimeout: { hours: 1 } });
    const [receipt, receiptId] = await ctx.createCallback<string>("receipt", { timeout: { hours: 2 } });
    await ctx.step("send-receipt-request", async () => receiptId);
    let note: string;
    try {
      note = await receipt;
    } catch (e) {
      note = e instanceof CallbackError ? `no receipt: ${e.message}` : "unexpected";
    }
    return { id: event.id, answer: JSON.parse(answer) as unknown, note };
  });

  it("reach the execution through the operation handles, taken before the run", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: approval });
    const manager = runner.getOperation("manager-approval");
    const receipt = runner.getOperation("receipt");
    const running = runner.run({ payload: { id: "e-1" } });

    await manager.waitForData(WaitingOperationStatus.SUBMITTED);
    expect(manager.isWaitForCallback()).toBe(true);
    await manager.sendCallbackHeartbeat();
    await manager.sendCallbackSuccess(JSON.stringify({ approved: true }));
    await receipt.waitForData();
    expect(receipt.isCallback()).toBe(true);
    await receipt.sendCallbackFailure({ ErrorType: "Rejected", ErrorMessage: "the receipt is illegible" });

    const execution = await running;
    expect(execution.getResult()).toEqual({ id: "e-1", answer: { approved: true }, note: "no receipt: the receipt is illegible" });
    expect(manager.getCallbackDetails()).toMatchObject({ result: { approved: true } });
    expect(receipt.getCallbackDetails()).toMatchObject({ error: { errorType: "Rejected", errorMessage: "the receipt is illegible" } });
    const types = execution.getHistoryEvents().map((e) => e.EventType);
    expect(types.filter((t) => t?.startsWith("Callback"))).toEqual(["CallbackStarted", "CallbackSucceeded", "CallbackStarted", "CallbackFailed"]);
    // Answers land between invocations, never inside one, so the history is the same every run.
    const answered = types.indexOf("CallbackSucceeded");
    expect(types[answered - 1]).toBe("InvocationCompleted");
  });

  it("let a callback time out in real time while it is open, with Lambda's error type", async () => {
    const handler = withDurableExecution(async (_event, ctx) => {
      const [answer] = await ctx.createCallback("quick-answer", { timeout: { seconds: 1 } });
      try {
        return await answer;
      } catch (e) {
        return `timed out: ${(e as Error).message}`;
      }
    });
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const started = performance.now();
    const execution = await runner.run();
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(execution.getResult()).toBe("timed out: Callback timed out");
    expect(runner.getOperation("quick-answer").getCallbackDetails()?.error).toMatchObject({ errorType: "Callback.Timeout" });
    const timedOut = execution.getHistoryEvents().find((e) => e.EventType === "CallbackTimedOut")!;
    expect(seconds(execution.getHistoryEvents()[0]!.EventTimestamp, timedOut.EventTimestamp)).toBe(1);
  });

  it("fails an answer to a callback that is not open with the service's error", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: approval });
    const manager = runner.getOperation("manager-approval");
    const running = runner.run({ payload: { id: "e-2" } });
    await manager.waitForData(WaitingOperationStatus.SUBMITTED);
    await manager.sendCallbackSuccess('"yes"');
    await expect(manager.sendCallbackSuccess('"again"')).rejects.toThrow(/already closed/);
    await runner.getOperation("receipt").waitForData();
    await runner.getOperation("receipt").sendCallbackSuccess("thanks");
    expect((await running).getResult()).toMatchObject({ answer: "yes", note: "thanks" });
  });

  it("rejects a wait for an operation the execution never reaches", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: withDurableExecution(async (_e, ctx) => ctx.step("only", async () => 1)) });
    const missing = runner.getOperation("never").waitForData();
    const done = await runner.run();
    expect(done.getResult()).toBe(1);
    await expect(missing).rejects.toThrow("Operation was not found after execution completion. Expected status: STARTED.");
  });
});

describe("skip time around open callbacks", () => {
  it("still skips a wait while a callback is open, then gives the test real time to answer", async () => {
    const handler = withDurableExecution(async (_event, ctx) => {
      const [day, answer] = await ctx.parallel("both", [
        (branch) => branch.wait("a-day", { days: 1 }).then(() => "waited"),
        (branch) => branch.waitForCallback<string>("sign-off", async () => {}, { timeout: { days: 2 } }),
      ]).then((r) => r.getResults());
      return { day, answer };
    });
    const runner = new LocalDurableTestRunner({ handlerFunction: handler, durableConfig: { ExecutionTimeout: 3 * 86_400 } });
    const running = runner.run();
    await runner.getOperation("a-day").waitForData(WaitingOperationStatus.COMPLETED);
    const signOff = runner.getOperation("sign-off");
    await signOff.waitForData(WaitingOperationStatus.SUBMITTED);
    await signOff.sendCallbackSuccess("signed");
    const execution = await running;

    expect(execution.getResult()).toEqual({ day: "waited", answer: "signed" });
    const events = execution.getHistoryEvents();
    const at = (type: string) => seconds(events[0]!.EventTimestamp, events.find((e) => e.EventType === type)!.EventTimestamp);
    expect(at("WaitSucceeded")).toBe(86_400);
    expect(at("CallbackSucceeded")).toBeGreaterThanOrEqual(86_400);
    expect(at("CallbackSucceeded")).toBeLessThan(86_400 + 60);
  });

  it("times an execution out at once when nothing outside can move it on", async () => {
    const handler = withDurableExecution(async (_event, ctx) => {
      await ctx.wait("too-long", { days: 3 });
      return "never";
    });
    const execution = await new LocalDurableTestRunner({ handlerFunction: handler }).run();
    expect(execution.getStatus()).toBe("TIMED_OUT");
    expect(execution.getError()).toMatchObject({ errorType: "Execution.Timeout" });
    const events = execution.getHistoryEvents();
    expect(seconds(events[0]!.EventTimestamp, events.at(-1)!.EventTimestamp)).toBe(86_400);
  });
});

describe("chained invokes", () => {
  const taxCalculator = withDurableExecution(async (req: { amount: number }, ctx) => {
    const rate = await ctx.step("look-up-rate", async () => 0.2);
    await ctx.wait("rate-limit", { minutes: 5 });
    return { tax: req.amount * rate };
  });
  const invoice = withDurableExecution(async (event: { amount: number }, ctx) => {
    const { tax } = await ctx.invoke<{ amount: number }, { tax: number }>("calculate-tax", "tax-calculator:$LATEST", { amount: event.amount });
    const mail = await ctx.invoke<{ to: string }, { sent: boolean }>("send-mail", "mailer", { to: "ada@example.com" });
    let audit: string;
    try {
      await ctx.invoke("audit", "auditor", {});
      audit = "passed";
    } catch (e) {
      audit = e instanceof InvokeError ? `failed: ${e.message}` : "unexpected";
    }
    return { gross: event.amount + tax, sent: mail.sent, audit };
  });

  it("run registered durable and plain functions as the targets, and record their outcomes", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: invoice })
      .registerDurableFunction("tax-calculator:$LATEST", taxCalculator)
      .registerFunction("mailer", async (event: { to: string }) => ({ sent: event.to.includes("@") }))
      .registerFunction("auditor", (_event, _context, callback) => callback(new Error("audit log unavailable")));
    const execution = await runner.run({ payload: { amount: 100 } });

    expect(execution.getResult()).toEqual({ gross: 120, sent: true, audit: "failed: audit log unavailable" });
    expect(runner.getOperation("calculate-tax").getChainedInvokeDetails()).toEqual({ result: { tax: 20 }, error: undefined });
    expect(runner.getOperation("audit").getChainedInvokeDetails()?.error).toMatchObject({ errorType: "Error", errorMessage: "audit log unavailable" });
    const started = execution.getHistoryEvents().find((e) => e.EventType === "ChainedInvokeStarted")!;
    expect(started.ChainedInvokeStartedDetails).toMatchObject({ FunctionName: "tax-calculator:$LATEST", ExecutedVersion: "$LATEST", Input: { Payload: '{"amount":100}' } });
    const taxDone = execution.getHistoryEvents().find((e) => e.EventType === "ChainedInvokeSucceeded")!;
    // The target's own five-minute wait passed in skipped time too.
    expect(seconds(started.EventTimestamp, taxDone.EventTimestamp)).toBe(300);
  });

  it("fail an invoke of a function nobody registered as Lambda does", async () => {
    const execution = await new LocalDurableTestRunner({ handlerFunction: invoice }).run({ payload: { amount: 1 } });
    expect(execution.getStatus()).toBe("FAILED");
    expect(execution.getHistoryEvents().find((e) => e.EventType === "ChainedInvokeFailed")?.ChainedInvokeFailedDetails?.Error?.Payload).toMatchObject({
      ErrorType: "ResourceNotFoundException",
      ErrorMessage: "Function not found: tax-calculator:$LATEST",
    });
  });
});

describe("operation handles", () => {
  const handler = withDurableExecution(async (_event, ctx) => {
    const results = await ctx.map("reserve", ["a", "b"], (child, sku) => child.step("item", async () => sku.toUpperCase()), { itemNamer: (sku) => sku });
    await ctx.runInChildContext("shipping", async (child) => child.step("item", async () => "shipped"));
    return results.getResults();
  });

  it("find operations by name and occurrence, position and id, with their children and events", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const execution = await runner.run();
    expect(execution.getResult()).toEqual(["A", "B"]);

    const items = [0, 1, 2].map((i) => runner.getOperationByNameAndIndex("item", i));
    expect(items.map((op) => op.getStepDetails()?.result)).toEqual(["A", "B", "shipped"]);
    const reserve = runner.getOperationByIndex(0);
    expect(reserve.getName()).toBe("reserve");
    expect(reserve.getSubType()).toBe("Map");
    expect(reserve.getChildOperations()?.map((c) => c.getName())).toEqual(["a", "b"]);
    expect(runner.getOperation("shipping").getContextDetails()).toEqual({ result: "shipped", error: undefined });
    const byId = runner.getOperationById(items[2]!.getId()!);
    expect(byId.getParentId()).toBe(runner.getOperation("shipping").getId());
    expect(byId.getEvents()?.map((e) => e.EventType)).toEqual(["StepStarted", "StepSucceeded"]);
    expect(() => byId.getWaitDetails()).toThrow("Operation type STEP is not WAIT");
    expect(runner.getOperation("nothing").getStepDetails()).toBeUndefined();
  });

  it("forget the previous run after reset()", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    await runner.run();
    expect(runner.getOperation("reserve").getStatus()).toBe("SUCCEEDED");
    runner.reset();
    expect(runner.getOperation("reserve").getStatus()).toBeUndefined();
    expect((await runner.run()).getOperations()).toHaveLength(7);
  });
});

describe("history files", () => {
  it("writes each run's history as { Events } to the folder, named by time, function, status and test", async () => {
    const dir = mkdtempSync(join(tmpdir(), "durable-lens-runs-"));
    try {
      const failing = withDurableExecution(async (_event, ctx) => {
        await ctx.step("boom", async () => {
          throw new Error("no");
        }, { retryStrategy: () => ({ shouldRetry: false }) });
      });
      const execution = await new LocalDurableTestRunner({ handlerFunction: failing, functionName: "payments", historyDir: dir }).run();
      const [file, ...others] = readdirSync(dir);
      expect(others).toEqual([]);
      expect(file).toMatch(/^\d{8}-\d{6}-\d{3}_payments_FAILED_history-files-writes-each-run-s-history-as-Events-to-the-folder-named[\w-]*_[0-9a-f]{8}\.json$/);
      const saved = JSON.parse(readFileSync(join(dir, file!), "utf8")) as { Events: { EventType: string; EventTimestamp: string }[] };
      expect(saved.Events.map((e) => e.EventType)).toEqual(execution.getHistoryEvents().map((e) => e.EventType));
      expect(saved.Events[0]!.EventTimestamp).toBe(execution.getHistoryEvents()[0]!.EventTimestamp!.toISOString());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
