import { describe, expect, it } from "vitest";
import { engineFor } from "../runtime/engine-run.test-support.js";
import { MemoryStore, VirtualClock } from "./index.js";

const DAY = 86_400_000;

describe("retention of ended executions", () => {
  it("keeps an ended execution for the function's retention period, across a restart, then deletes it", async () => {
    const store = new MemoryStore();
    const clock = new VirtualClock();
    const engineWith = () =>
      engineFor(async (_e, ctx) => ctx.step(async () => "done"), { store, clock, durableConfig: { RetentionPeriodInDays: 2 } }).engine;
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
