import { describe, expect, it } from "vitest";
import { DurableExecutionInvocationInputWithClient } from "../runtime/client.js";
import { withDurableExecution } from "../runtime/index.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "./index.js";

describe("answers kept for ClientToken retries", () => {
  it("are kept while the execution runs and dropped when it ends", async () => {
    const store = new MemoryStore();
    const clock = new VirtualClock();
    let n = 0;
    const handler = withDurableExecution(async (_e, ctx) => {
      await ctx.step(async () => 1);
      await ctx.wait({ seconds: 1 });
    });
    const engine: Engine = new Engine({
      store,
      clock,
      resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
      invoke: (_fn, event, requestId) => {
        const inner = new InProcessClient(engine);
        // As the AWS client does: every request carries a ClientToken it would resend on a retry.
        const client = { getExecutionState: inner.getExecutionState.bind(inner), checkpoint: (p: Parameters<InProcessClient["checkpoint"]>[0]) => inner.checkpoint({ ...p, ClientToken: `ct-${++n}` }) };
        return handler(new DurableExecutionInvocationInputWithClient(event, client), { awsRequestId: requestId });
      },
    });
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    await engine.idle();
    expect(store.getCheckpointResponse(arn, "ct-1")).toBeDefined();
    clock.fireNext();
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn }).Status).toBe("SUCCEEDED");
    expect(store.getCheckpointResponse(arn, "ct-1")).toBeUndefined();
  });
});
