// Issue 15, cause 2: a callback answered with no result, run through the official pair and ours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { official, ours, type Pair } from "./drop-in.test-support.js";

async function answeredWithNothing({ sdk, Runner }: Pair) {
  const handler = sdk.withDurableExecution(async (_event: unknown, ctx) => {
    const [promise] = await ctx.createCallback("answer", { timeout: { hours: 1 } });
    return promise;
  });
  const runner = new Runner({ handlerFunction: handler });
  const callback = runner.getOperation("answer");
  const running = runner.run();
  await callback.waitForData();
  await callback.sendCallbackSuccess();
  const execution = await running;
  const succeeded = execution.getHistoryEvents().find((e) => e.EventType === "CallbackSucceeded");
  return {
    status: execution.getStatus(),
    result: execution.getResult(),
    callbackResult: callback.getCallbackDetails()?.result,
    recorded: callback.getOperationData()?.CallbackDetails?.Result,
    eventPayload: succeeded?.CallbackSucceededDetails?.Result?.Payload,
    eventHasPayload: succeeded !== undefined && "Payload" in JSON.parse(JSON.stringify(succeeded.CallbackSucceededDetails!.Result)),
  };
}

describe.each([official, ours])("a callback answered with no result ($name)", (pair) => {
  beforeAll(() => pair.Runner.setupTestEnvironment({ skipTime: false }));
  afterAll(() => pair.Runner.teardownTestEnvironment());

  it("has no result anywhere: not the callback's, not the execution's, not in the history", async () => {
    expect(await answeredWithNothing(pair)).toEqual({
      status: "SUCCEEDED",
      result: undefined,
      callbackResult: undefined,
      recorded: undefined,
      eventPayload: undefined,
      eventHasPayload: false,
    });
  });
});
