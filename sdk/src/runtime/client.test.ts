import { describe, expect, it } from "vitest";
import * as official from "@aws/durable-execution-sdk-js";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "../engine/index.js";
import { withDurableExecution } from "./index.js";

describe("a transport carried by the event", () => {
  it("is used whichever SDK's class built the event, as test runners rely on", async () => {
    const handler = withDurableExecution(async (_e, ctx) => ctx.step("s", async () => "via the carried client"));
    const engine: Engine = new Engine({
      store: new MemoryStore(),
      clock: new VirtualClock(),
      resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
      // The official SDK's class: without it being recognised, our handler would build a LambdaClient and fail.
      invoke: (_fn, event, requestId) =>
        handler(new official.DurableExecutionInvocationInputWithClient(event as never, new InProcessClient(engine) as never) as never, { awsRequestId: requestId }),
    });
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn })).toMatchObject({ Status: "SUCCEEDED", Result: '"via the carried client"' });
  });
});
