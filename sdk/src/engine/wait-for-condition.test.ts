import { describe, expect, it } from "vitest";
import { createWaitStrategy, JitterStrategy, WaitForConditionError, type DurableExecutionHandler } from "../runtime/index.js";
import { engineFor } from "../runtime/engine-run.test-support.js";

async function run(handler: DurableExecutionHandler) {
  const { engine, clock } = engineFor(handler);
  const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
  for (let i = 0; i < 20; i++) {
    await engine.idle();
    if (engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING" || !clock.fireNext()) break;
  }
  await engine.idle();
  return { exec: engine.getExecution({ DurableExecutionArn: arn }), events: engine.getExecutionHistory({ DurableExecutionArn: arn }).Events };
}

describe("waitForCondition", () => {
  it("polls across invocations, carrying its state in the RETRY payload", async () => {
    const { exec, events } = await run(async (_e, ctx) =>
      ctx.waitForCondition("ready", async (s: { polls: number }) => ({ polls: s.polls + 1 }), {
        initialState: { polls: 0 },
        waitStrategy: createWaitStrategy({ shouldContinuePolling: (s: { polls: number }) => s.polls < 3, initialDelay: { seconds: 2 }, jitter: JitterStrategy.NONE }),
      }),
    );
    expect(exec.Result).toBe('{"polls":3}');
    const polls = events.filter((e) => e.EventType === "StepSucceeded");
    expect(polls.map((e) => [e.SubType, e.StepSucceededDetails!.Result!.Payload, e.StepSucceededDetails!.RetryDetails])).toEqual([
      ["WaitForCondition", '{"polls":1}', { CurrentAttempt: 1, NextAttemptDelaySeconds: 2 }],
      ["WaitForCondition", '{"polls":2}', { CurrentAttempt: 2, NextAttemptDelaySeconds: 3 }],
      ["WaitForCondition", '{"polls":3}', { CurrentAttempt: 3 }],
    ]);
  });

  it("fails at once when the check throws, without retries", async () => {
    let checks = 0;
    const { exec, events } = await run(async (_e, ctx) => {
      try {
        return await ctx.waitForCondition(
          async () => {
            checks++;
            throw new Error("probe unreachable");
          },
          { initialState: 0, waitStrategy: () => ({ shouldContinue: false }) },
        );
      } catch (e) {
        return { isWaitError: e instanceof WaitForConditionError, message: (e as Error).message };
      }
    });
    expect(JSON.parse(exec.Result!)).toEqual({ isWaitError: true, message: "probe unreachable" });
    expect(checks).toBe(1);
    expect(events.filter((e) => e.EventType === "StepFailed")).toHaveLength(1);
  });

  it("createWaitStrategy gives up past maxAttempts", () => {
    const strategy = createWaitStrategy({ shouldContinuePolling: () => true, maxAttempts: 2, jitter: JitterStrategy.NONE });
    expect(strategy(0, 1)).toEqual({ shouldContinue: true, delay: { seconds: 5 } });
    expect(() => strategy(0, 2)).toThrow("waitForCondition exceeded maximum attempts (2)");
  });
});
