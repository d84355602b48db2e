import { describe, expect, it } from "vitest";
import { engineFor } from "../runtime/engine-run.test-support.js";
import type { InProcessClient } from "./index.js";

describe("answers kept for ClientToken retries", () => {
  it("are kept while the execution runs and dropped when it ends", async () => {
    let n = 0;
    const { engine, clock, store } = engineFor(
      async (_e, ctx) => {
        await ctx.step(async () => 1);
        await ctx.wait({ seconds: 1 });
      },
      {
        // As the AWS client does: every request carries a ClientToken it would resend on a retry.
        client: (inner) => ({
          getExecutionState: inner.getExecutionState.bind(inner),
          checkpoint: (p: Parameters<InProcessClient["checkpoint"]>[0]) => inner.checkpoint({ ...p, ClientToken: `ct-${++n}` }),
        }),
      },
    );
    const { arn } = engine.startExecution({ functionName: "fn", payload: "{}" });
    await engine.idle();
    expect(store.getCheckpointResponse(arn, "ct-1")).toBeDefined();
    clock.fireNext();
    await engine.idle();
    expect(engine.getExecution({ DurableExecutionArn: arn }).Status).toBe("SUCCEEDED");
    expect(store.getCheckpointResponse(arn, "ct-1")).toBeUndefined();
  });
});
