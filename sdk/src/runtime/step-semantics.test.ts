import { describe, expect, it, vi } from "vitest";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "../engine/index.js";
import { DurableExecutionInvocationInputWithClient } from "./client.js";
import { createRetryStrategy, JitterStrategy, StepSemantics, withDurableExecution, type DurableExecutionHandler } from "./index.js";

/**
 * Runs `handler` on an engine whose first invocation "crashes" once the step body has started:
 * the body hangs, its START is checkpointed, then the invocation fails as a killed runtime would.
 */
async function crashDuringFirstAttempt(handler: (crashSignal: () => Promise<never>) => DurableExecutionHandler) {
  const clock = new VirtualClock();
  let invocation = 0;
  let bodyStarted!: () => void;
  const started = new Promise<void>((r) => (bodyStarted = r));
  const hang = () => {
    bodyStarted();
    return new Promise<never>(() => {});
  };
  const lambdaHandler = withDurableExecution(handler(hang));
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock,
    invocationRetryDelayMs: () => 1000,
    resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
    invoke: async (_fn, event, requestId) => {
      invocation++;
      const run = lambdaHandler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId });
      if (invocation > 1) return run;
      await started;
      // The crash comes once the START checkpoint has landed.
      await vi.waitFor(() => {
        expect(engine.getExecutionHistory({ DurableExecutionArn: event.DurableExecutionArn, MaxItems: 1000 }).Events.map((e) => e.EventType)).toContain("StepStarted");
      }, { timeout: 2000, interval: 2 });
      throw Object.assign(new Error("Runtime exited"), { name: "Runtime.ExitError" });
    },
  });
  const arn = engine.startExecution({ functionName: "fn", payload: "{}" }).arn;
  await engine.idle();
  clock.advance(1000); // the service re-invokes after a failed invocation
  await engine.idle();
  for (let i = 0; i < 5 && engine.getExecution({ DurableExecutionArn: arn }).Status === "RUNNING"; i++) {
    clock.fireNext();
    await engine.idle();
  }
  const events = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events;
  return { exec: engine.getExecution({ DurableExecutionArn: arn }), events, types: events.map((e) => e.EventType) };
}

describe("step semantics after a crash", () => {
  it("at-least-once re-runs the interrupted attempt without a second START", async () => {
    let runs = 0;
    const r = await crashDuringFirstAttempt((hang) => async (_e, ctx) =>
      ctx.step("charge", async () => {
        runs++;
        return runs === 1 ? hang() : "charged";
      }),
    );
    expect(r.exec.Status).toBe("SUCCEEDED");
    expect(r.exec.Result).toBe('"charged"');
    expect(r.types).toEqual(["ExecutionStarted", "StepStarted", "InvocationCompleted", "StepSucceeded", "InvocationCompleted", "ExecutionSucceeded"]);
    expect(r.events[2]!.InvocationCompletedDetails!.Error!.Payload!.ErrorType).toBe("Runtime.ExitError");
    expect(r.events[3]!.StepSucceededDetails!.RetryDetails).toEqual({ CurrentAttempt: 1 });
    expect(runs).toBe(2);
  });

  it("at-most-once never re-runs the interrupted attempt: the retry strategy decides", async () => {
    let runs = 0;
    const seen: string[] = [];
    const r = await crashDuringFirstAttempt((hang) => async (_e, ctx) =>
      ctx.step(
        "charge",
        async ({ attempt }) => {
          runs++;
          return attempt === 1 ? hang() : `charged on attempt ${attempt}`;
        },
        {
          semantics: StepSemantics.AtMostOncePerRetry,
          retryStrategy: (error, n) => {
            seen.push(`${error.name}@${n}`);
            return createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE })(error, n);
          },
        },
      ),
    );
    expect(r.exec.Result).toBe('"charged on attempt 2"');
    expect(seen).toEqual(["StepInterruptedError@1"]);
    expect(runs).toBe(2);
    expect(r.types).toEqual([
      "ExecutionStarted",
      "StepStarted",
      "InvocationCompleted",
      "StepFailed",
      "InvocationCompleted",
      "StepStarted",
      "StepSucceeded",
      "InvocationCompleted",
      "ExecutionSucceeded",
    ]);
    expect(r.events[3]!.StepFailedDetails!.RetryDetails).toEqual({ CurrentAttempt: 1, NextAttemptDelaySeconds: 1 });
    expect(r.events[3]!.StepFailedDetails!.Error!.Payload!.ErrorType).toBe("StepInterruptedError");
  });
});
