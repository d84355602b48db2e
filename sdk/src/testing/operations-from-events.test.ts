// The cloud runner knows operations only from history. Folding the history of each sample
// must give back the operations the engine itself holds at the end (what the local runner
// reads), and a history cut short must show a step waiting to retry as the engine has it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRetryStrategy, JitterStrategy, withDurableExecution } from "../node.js";
import { LocalDurableTestRunner } from "./index.js";
import { operationsFromEvents } from "./operations-from-events.js";
import { runSampleLocally, sampleCases } from "./samples.test-support.js";

beforeAll(() => LocalDurableTestRunner.setupTestEnvironment({ skipTime: true }));
afterAll(() => LocalDurableTestRunner.teardownTestEnvironment());

describe("operationsFromEvents", () => {
  for (const c of sampleCases) {
    it(`gives back the engine's operations of ${c.fn.name}`, async () => {
      const execution = await runSampleLocally(c);
      const folded = operationsFromEvents(execution.getHistoryEvents()).filter((o) => o.operation.Type !== "EXECUTION");
      expect(folded.map((o) => o.operation)).toEqual(execution.getOperations().map((op) => op.getOperationData()));
      expect(folded.map((o) => o.events)).toEqual(execution.getOperations().map((op) => op.getEvents()));
    });
  }

  it("shows a step that failed an attempt as PENDING until its next one, with its error and the time of the retry", async () => {
    let calls = 0;
    const handler = withDurableExecution(async (_event, ctx) =>
      ctx.step(
        "flaky",
        async () => {
          calls += 1;
          if (calls === 1) throw new Error("first try fails");
          return "second try works";
        },
        { retryStrategy: createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 90 }, jitter: JitterStrategy.NONE }) },
      ),
    );
    const events = (await new LocalDurableTestRunner({ handlerFunction: handler }).run()).getHistoryEvents();
    const failed = events.findIndex((e) => e.EventType === "StepFailed");
    const [step] = operationsFromEvents(events.slice(0, failed + 1)).filter((o) => o.operation.Type === "STEP");
    expect(step!.operation).toMatchObject({
      Status: "PENDING",
      StepDetails: { Attempt: 1, Error: { ErrorMessage: "first try fails" }, NextAttemptTimestamp: new Date(events[failed]!.EventTimestamp!.getTime() + 90_000) },
    });
    expect(step!.operation.EndTimestamp).toBeUndefined();
    const [done] = operationsFromEvents(events).filter((o) => o.operation.Type === "STEP");
    expect(done!.operation.StepDetails).toEqual({ Attempt: 2, Result: '"second try works"' });
  });
});
