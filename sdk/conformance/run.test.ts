/**
 * The runner end to end on small requirements of its own (fixtures/): real sandboxes, the
 * engine on a virtual clock, callbacks answered by the polling loop, crashes and timeouts.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { discoverRequirements } from "./requirement.js";
import { runRequirement, type Outcome } from "./run.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const requirements = discoverRequirements(`${fixtures}requirements`);

function run(id: string, invocationTimeoutMs?: number): Promise<Outcome> {
  const req = requirements.find((r) => r.id === id)!;
  return runRequirement(req, { handlersDir: `${fixtures}handlers`, ...(invocationTimeoutMs && { invocationTimeoutMs }) });
}

describe("runRequirement", () => {
  it("passes a met requirement, sharing names bound in the history with the result and the logs", async () => {
    const o = await run("d-1");
    expect(o.differences).toEqual([]);
    expect(o.status).toBe("passed");
    const step = o.events.find((e) => e.EventType === "StepStarted")!;
    expect(o.logs.some((l) => l.text.includes(`"operationId":"${String(step.Id)}"`))).toBe(true);
  });

  it("gives sandboxes the engine's clock, so the runtime's own timestamps agree with the history's", async () => {
    const o = await run("d-1");
    const line = JSON.parse(o.logs.find((l) => l.text.includes("greeting"))!.text) as { timestamp: string };
    const started = o.events.find((e) => e.EventType === "StepStarted")!.EventTimestamp as number;
    expect(Math.abs(Date.parse(line.timestamp) - started * 1000)).toBeLessThan(10_000);
  });

  it("fails an unmet requirement with every difference, by event and field", async () => {
    const o = await run("d-2");
    expect(o.status).toBe("failed");
    expect(o.differences.map((d) => d.path)).toEqual([
      "Event[EventId=2].Name",
      "Event[EventId=3].StepSucceededDetails.RetryDetails.CurrentAttempt",
      "ExpectedResult.Result",
    ]);
    expect(o.differences[2]).toMatchObject({ expected: "right", actual: "wrong" });
  });

  it("turns process.exit in a handler into Runtime.ExitError and a fresh invocation, keeping the lines printed before", async () => {
    const o = await run("d-3");
    expect(o.differences).toEqual([]);
    expect(o.events.filter((e) => e.EventType === "InvocationCompleted")).toHaveLength(2);
  });

  it("answers callbacks in virtual time: a heartbeat keeps the callback open, the payload goes as json.dumps", async () => {
    const o = await run("d-4");
    expect(o.differences).toEqual([]);
  });

  it("deploys the functions a module exports as invoke targets, and stops history-only polling once the events match", async () => {
    const o = await run("d-5");
    expect(o.differences).toEqual([]);
    // The one-hour wait is still running: polling stopped before the end.
    expect(o.events.map((e) => e.EventType)).not.toContain("ExecutionSucceeded");
  });

  it("reports a requirement without a handler", async () => {
    const o = await run("d-6");
    expect(o.status).toBe("no-handler");
  });

  it("cuts off an invocation that never ends, as a Lambda timeout", async () => {
    const o = await run("d-7", 300);
    expect(o.differences).toEqual([]);
    expect(o.events.filter((e) => e.EventType === "InvocationCompleted")).toHaveLength(3);
  });
});
