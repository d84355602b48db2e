import { describe, expect, it } from "vitest";
import { DurableExecutionInvocationInputWithClient } from "../runtime/client.js";
import { withDurableExecution } from "../runtime/index.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "./index.js";

const DAY = 86_400_000;

describe("retention of ended executions", () => {
  it("keeps an ended execution for the function's retention period, across a restart, then deletes it", async () => {
    const store = new MemoryStore();
    const clock = new VirtualClock();
    const handler = withDurableExecution(async (_e, ctx) => ctx.step(async () => "done"));
    const engineWith = (): Engine => {
      const engine: Engine = new Engine({
        store,
        clock,
        resolveFunction: () => ({
          functionName: "fn",
          functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn",
          version: "$LATEST",
          durableConfig: { RetentionPeriodInDays: 2 },
        }),
        invoke: (_fn, event, requestId) => handler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId }),
      });
      return engine;
    };
    const first = engineWith();
    const { arn } = first.startExecution({ functionName: "fn", payload: "{}" });
    await first.idle();
    expect(first.getExecution({ DurableExecutionArn: arn })).toMatchObject({ Status: "SUCCEEDED", DurableConfig: { RetentionPeriodInDays: 2 } });
    first.close(); // a restart in between must not lose the deadline
    const second = engineWith();
    second.recover();
    clock.advance(2 * DAY - 1000);
    expect(second.getExecution({ DurableExecutionArn: arn }).Status).toBe("SUCCEEDED");
    clock.advance(1000);
    expect(() => second.getExecution({ DurableExecutionArn: arn })).toThrow(/ResourceNotFound|not found|No durable execution/i);
    expect(store.listOperations(arn)).toEqual([]);
    expect(store.listExpiries()).toEqual([]);
  });
});
