/**
 * Tests written only against `@aws/durable-execution-sdk-js-testing`'s public API, with
 * handlers written against `@aws/durable-execution-sdk-js`, as their documentation shows.
 * The compatibility test files run them as they are and with either import swapped for
 * Durable Lens's module: passing everywhere is what "switching is a change of import" means.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExecutionStatus, LocalDurableTestRunner, OperationStatus, WaitingOperationStatus } from "@aws/durable-execution-sdk-js-testing";
import { CallbackError, createRetryStrategy, createWaitStrategy, InvokeError, JitterStrategy, withDurableExecution } from "@aws/durable-execution-sdk-js";

const fetchUserFromDB = async (userId: string) => ({ id: userId, name: `user ${userId}` });

const basic = withDurableExecution(async (event: { userId?: string }, context) => {
  const userData = await context.step("fetch-user", async () => fetchUserFromDB(event.userId ?? "nobody"));
  await context.wait({ seconds: 5 });
  return context.step("process-user", async () => ({ ...userData, processed: true }));
});

export function compatibilitySuite(): void {
  beforeAll(() => LocalDurableTestRunner.setupTestEnvironment({ skipTime: true }));
  afterAll(() => LocalDurableTestRunner.teardownTestEnvironment());

  describe("results and operations", () => {
    it("runs steps and a wait, and exposes each operation's details", async () => {
      const runner = new LocalDurableTestRunner({ handlerFunction: basic });
      const execution = await runner.run({ payload: { userId: "123" } });

      expect(execution.getStatus()).toBe(ExecutionStatus.SUCCEEDED);
      expect(execution.getResult()).toEqual({ id: "123", name: "user 123", processed: true });
      expect(execution.getOperations()).toHaveLength(3);
      const fetchStep = runner.getOperation("fetch-user");
      await fetchStep.waitForData(WaitingOperationStatus.COMPLETED);
      expect(fetchStep.getStepDetails()?.result).toEqual({ id: "123", name: "user 123" });
      expect(fetchStep.getStatus()).toBe(OperationStatus.SUCCEEDED);
      const waitOp = runner.getOperationByIndex(1);
      expect(waitOp.getType()).toBe("WAIT");
      expect(waitOp.getWaitDetails()?.waitSeconds).toBe(5);
      expect(runner.getOperationById(fetchStep.getId()!).getName()).toBe("fetch-user");
      const events = execution.getHistoryEvents();
      expect(events[0]?.EventType).toBe("ExecutionStarted");
      expect(events.at(-1)?.EventType).toBe("ExecutionSucceeded");
      expect(execution.getInvocations().length).toBeGreaterThanOrEqual(1);
      expect(execution.getOperations({ status: OperationStatus.SUCCEEDED }).map((op) => op.getName())).toEqual(["fetch-user", undefined, "process-user"]);
    });

    it("gives the handler {} when run without a payload", async () => {
      const echo = withDurableExecution(async (event: unknown, context) => context.step("echo", async () => event));
      expect((await new LocalDurableTestRunner({ handlerFunction: echo }).run()).getResult()).toEqual({});
    });

    it("tells repeated names apart by occurrence", async () => {
      const repeated = withDurableExecution(async (_event, context) => {
        for (const n of [1, 2, 3]) await context.step("square", async () => n * n);
        return "done";
      });
      const runner = new LocalDurableTestRunner({ handlerFunction: repeated });
      await runner.run();
      expect([0, 1, 2].map((i) => runner.getOperationByNameAndIndex("square", i).getStepDetails()?.result)).toEqual([1, 4, 9]);
      expect(runner.getOperation("square", 2).getStepDetails()?.result).toBe(9);
    });

    it("reuses a runner after reset()", async () => {
      const runner = new LocalDurableTestRunner({ handlerFunction: basic });
      expect((await runner.run({ payload: { userId: "1" } })).getResult()).toMatchObject({ id: "1" });
      runner.reset();
      expect((await runner.run({ payload: { userId: "2" } })).getResult()).toMatchObject({ id: "2" });
      expect(runner.getOperation("fetch-user").getStepDetails()?.result).toMatchObject({ id: "2" });
    });

    it("rejects waiting for an operation that never runs", async () => {
      const runner = new LocalDurableTestRunner({ handlerFunction: basic });
      const never = runner.getOperation("no-such-step").waitForData();
      await runner.run({ payload: { userId: "1" } });
      await expect(never).rejects.toThrow("Operation was not found after execution completion");
    });
  });

  describe("errors and retries", () => {
    it("retries a failing step and returns the attempt that succeeded", async () => {
      let calls = 0;
      const flaky = withDurableExecution(async (_event, context) =>
        context.step(
          "call-api",
          async () => {
            calls += 1;
            if (calls < 3) throw new Error(`attempt ${calls} failed`);
            return "ok";
          },
          { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 30 }, jitter: JitterStrategy.NONE }) },
        ),
      );
      const runner = new LocalDurableTestRunner({ handlerFunction: flaky });
      const execution = await runner.run();
      expect(execution.getResult()).toBe("ok");
      expect(calls).toBe(3);
      expect(runner.getOperation("call-api").getStepDetails()?.result).toBe("ok");
      expect(execution.getHistoryEvents().filter((e) => e.EventType === "StepFailed")).toHaveLength(2);
    });

    it("fails the execution with the handler's error", async () => {
      const failing = withDurableExecution(async (_event, context) => {
        await context.step("first", async () => 1);
        throw new Error("payment declined");
      });
      const execution = await new LocalDurableTestRunner({ handlerFunction: failing }).run();
      expect(execution.getStatus()).toBe(ExecutionStatus.FAILED);
      expect(execution.getError().errorMessage).toBe("payment declined");
      expect(execution.getError().errorType).toBe("Error");
      expect(() => execution.getResult()).toThrow("payment declined");
    });

    it("records a step's error once its retries are used up", async () => {
      const exhausted = withDurableExecution(async (_event, context) =>
        context.step(
          "always-fails",
          async () => {
            throw new Error("service unavailable");
          },
          { retryStrategy: createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 5 }, jitter: JitterStrategy.NONE }) },
        ),
      );
      const runner = new LocalDurableTestRunner({ handlerFunction: exhausted });
      const execution = await runner.run();
      expect(execution.getStatus()).toBe(ExecutionStatus.FAILED);
      expect(execution.getError().errorMessage).toContain("service unavailable");
      expect(runner.getOperation("always-fails").getStepDetails()?.error?.errorMessage).toBe("service unavailable");
    });
  });

  describe("callbacks", () => {
    it("answers a waitForCallback once its submitter ran", async () => {
      const approval = withDurableExecution(async (event: { amount: number }, context) => {
        const answer = await context.waitForCallback<string>("approval", async () => {}, { timeout: { hours: 1 } });
        return { amount: event.amount, answer: JSON.parse(answer) as unknown };
      });
      const runner = new LocalDurableTestRunner({ handlerFunction: approval });
      const callback = runner.getOperation("approval");
      const running = runner.run({ payload: { amount: 10 } });
      await callback.waitForData(WaitingOperationStatus.SUBMITTED);
      expect(callback.isWaitForCallback()).toBe(true);
      expect(callback.getCallbackDetails()?.callbackId).toEqual(expect.any(String));
      await callback.sendCallbackSuccess(JSON.stringify({ approved: true }));
      const execution = await running;
      expect(execution.getResult()).toEqual({ amount: 10, answer: { approved: true } });
      expect(callback.getCallbackDetails()?.result).toEqual({ approved: true });
    });

    it("fails a created callback, which the handler sees as a CallbackError", async () => {
      const handler = withDurableExecution(async (_event, context) => {
        const [promise] = await context.createCallback("confirmation", { timeout: { hours: 1 } });
        try {
          return await promise;
        } catch (e) {
          return e instanceof CallbackError ? `failed: ${e.message}` : "not a CallbackError";
        }
      });
      const runner = new LocalDurableTestRunner({ handlerFunction: handler });
      const callback = runner.getOperation("confirmation");
      const running = runner.run();
      await callback.waitForData();
      expect(callback.isCallback()).toBe(true);
      await callback.sendCallbackFailure({ ErrorType: "Rejected", ErrorMessage: "not today" });
      expect((await running).getResult()).toBe("failed: not today");
      expect(callback.getCallbackDetails()?.error?.errorMessage).toBe("not today");
    });

    it("keeps a callback alive with heartbeats until it is answered", async () => {
      const handler = withDurableExecution(async (_event, context) => {
        const [promise] = await context.createCallback<string>("long-task", { timeout: { hours: 1 }, heartbeatTimeout: { minutes: 5 } });
        return promise;
      });
      const runner = new LocalDurableTestRunner({ handlerFunction: handler });
      const callback = runner.getOperation("long-task");
      const running = runner.run();
      await callback.waitForData();
      await callback.sendCallbackHeartbeat();
      await callback.sendCallbackHeartbeat();
      await callback.sendCallbackSuccess("finished");
      expect((await running).getResult()).toBe("finished");
      expect(callback.getStatus()).toBe(OperationStatus.SUCCEEDED);
    });
  });

  describe("chained invokes", () => {
    it("invokes registered durable and plain functions", async () => {
      const taxCalculator = withDurableExecution(async (req: { amount: number }, context) => context.step("rate", async () => ({ tax: req.amount / 10 })));
      const main = withDurableExecution(async (event: { amount: number }, context) => {
        const { tax } = await context.invoke<{ amount: number }, { tax: number }>("tax", "tax-calculator:$LATEST", { amount: event.amount });
        const mail = await context.invoke<{ to: string }, { sent: boolean }>("mail", "mailer", { to: "a@example.com" });
        let audit = "passed";
        try {
          await context.invoke("audit", "auditor", {});
        } catch (e) {
          audit = e instanceof InvokeError ? "failed" : "not an InvokeError";
        }
        return { total: event.amount + tax, sent: mail.sent, audit };
      });
      const runner = new LocalDurableTestRunner({ handlerFunction: main })
        .registerDurableFunction("tax-calculator:$LATEST", taxCalculator)
        .registerFunction("mailer", async (event: { to: string }) => ({ sent: event.to.includes("@") }))
        .registerFunction("auditor", async () => {
          throw new Error("audit log unavailable");
        });
      const execution = await runner.run({ payload: { amount: 50 } });
      expect(execution.getResult()).toEqual({ total: 55, sent: true, audit: "failed" });
      expect(runner.getOperation("tax").getChainedInvokeDetails()?.result).toEqual({ tax: 5 });
      expect(runner.getOperation("mail").getChainedInvokeDetails()?.result).toEqual({ sent: true });
      expect(runner.getOperation("audit").getChainedInvokeDetails()?.error?.errorMessage).toBe("audit log unavailable");
    });
  });

  describe("child contexts, map, parallel and waitForCondition", () => {
    it("shows a child context with its children and result", async () => {
      const handler = withDurableExecution(async (_event, context) =>
        context.runInChildContext("shipping", async (child) => {
          const picked = await child.step("pick", async () => 2);
          return child.step("ship", async () => ({ parcels: picked }));
        }),
      );
      const runner = new LocalDurableTestRunner({ handlerFunction: handler });
      const execution = await runner.run();
      expect(execution.getResult()).toEqual({ parcels: 2 });
      const shipping = runner.getOperation("shipping");
      expect(shipping.getContextDetails()?.result).toEqual({ parcels: 2 });
      expect(shipping.getChildOperations()?.map((op) => op.getName())).toEqual(["pick", "ship"]);
    });

    it("maps over items and runs parallel branches", async () => {
      const handler = withDurableExecution(async (_event, context) => {
        const doubled = await context.map("double", [1, 2, 3], (child, n) => child.step("times-two", async () => n * 2));
        const branches = await context.parallel("lookups", [(child) => child.step("left", async () => "L"), (child) => child.step("right", async () => "R")]);
        return { doubled: doubled.getResults(), branches: branches.getResults() };
      });
      const runner = new LocalDurableTestRunner({ handlerFunction: handler });
      const execution = await runner.run();
      expect(execution.getResult()).toEqual({ doubled: [2, 4, 6], branches: ["L", "R"] });
      expect(runner.getOperation("double").getChildOperations()).toHaveLength(3);
      expect(runner.getOperation("lookups").getSubType()).toBe("Parallel");
      expect(runner.getOperation("right").getStepDetails()?.result).toBe("R");
    });

    it("polls a condition until it holds", async () => {
      const handler = withDurableExecution(async (_event, context) =>
        context.waitForCondition<{ checks: number }>("until-ready", async (state) => ({ checks: state.checks + 1 }), {
          initialState: { checks: 0 },
          waitStrategy: createWaitStrategy({ shouldContinuePolling: (s: { checks: number }) => s.checks < 3, initialDelay: { seconds: 10 }, jitter: JitterStrategy.NONE }),
        }),
      );
      const runner = new LocalDurableTestRunner({ handlerFunction: handler });
      const execution = await runner.run();
      expect(execution.getResult()).toEqual({ checks: 3 });
      expect(runner.getOperation("until-ready").getStepDetails()?.result).toEqual({ checks: 3 });
    });
  });
}
