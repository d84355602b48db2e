// Issue 15, cause 4: an invocation the SDK terminates (a context used from inside another one)
// still sends the checkpoints it had queued, as the official SDK does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventShapes, official, ours, type Pair } from "./drop-in.test-support.js";

async function parentUsedInChild({ sdk, Runner }: Pair, where: "child" | "step") {
  const handler = sdk.withDurableExecution(async (_event: unknown, ctx) => {
    if (where === "child") return ctx.runInChildContext("child", async () => ctx.wait("misused", { seconds: 1 }));
    return ctx.step("outer", async () => ctx.wait("misused", { seconds: 1 }));
  });
  const runner = new Runner({ handlerFunction: handler });
  const execution = await runner.run();
  return {
    status: execution.getStatus(),
    operations: execution.getOperations().map((op) => [op.getName(), op.getType(), op.getStatus()]),
    events: eventShapes(execution.getHistoryEvents()),
  };
}

describe.each([official, ours])("a terminated invocation drains its queued checkpoints ($name)", (pair) => {
  beforeAll(() => pair.Runner.setupTestEnvironment({ skipTime: false }));
  afterAll(() => pair.Runner.teardownTestEnvironment());

  it("records the child context it had started before the parent context was misused", async () => {
    const run = await parentUsedInChild(pair, "child");
    expect(run.status).toBe("FAILED");
    expect(run.operations).toEqual([["child", "CONTEXT", "STARTED"]]);
    expect(run.events).toEqual(["ExecutionStarted", "ContextStarted RunInChildContext child", "InvocationCompleted", "ExecutionFailed"]);
  });

  it("records the step it had started before the parent context was misused in its body", async () => {
    const run = await parentUsedInChild(pair, "step");
    expect(run.status).toBe("FAILED");
    expect(run.operations).toEqual([["outer", "STEP", "STARTED"]]);
    expect(run.events).toEqual(["ExecutionStarted", "StepStarted Step outer", "InvocationCompleted", "ExecutionFailed"]);
  });
});
