import { describe, expect, it } from "vitest";
import { CallbackError, CallbackTimeoutError, type DurableExecutionHandler } from "../runtime/index.js";
import { engineFor } from "../runtime/engine-run.test-support.js";
import { VirtualClock } from "./index.js";
import type { Event } from "../protocol/index.js";

function setup(handler: DurableExecutionHandler) {
  const { engine, clock } = engineFor(handler, { clock: new VirtualClock(Date.UTC(2026, 0, 1)) });
  const arn = engine.startExecution({ functionName: "fn", payload: "{}" }).arn;
  const history = () => engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events;
  const types = () => history().map((e: Event) => e.EventType);
  const callbackId = () => history().find((e) => e.EventType === "CallbackStarted")!.CallbackStartedDetails!.CallbackId;
  const exec = () => engine.getExecution({ DurableExecutionArn: arn });
  return { engine, clock, arn, history, types, callbackId, exec };
}

describe("callbacks", () => {
  it("suspends on a callback and resumes with the external system's raw result", async () => {
    const t = setup(async (_e, ctx) => {
      const [result, id] = await ctx.createCallback("approval", { timeout: { hours: 1 } });
      const value = await result;
      return { id, value };
    });
    await t.engine.idle();
    expect(t.exec().Status).toBe("RUNNING");
    const started = t.history().find((e) => e.EventType === "CallbackStarted")!;
    expect(started).toMatchObject({ Name: "approval", SubType: "Callback", CallbackStartedDetails: { Timeout: 3600 } });
    expect(started.CallbackStartedDetails!.CallbackId).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(started.CallbackStartedDetails!.HeartbeatTimeout).toBeUndefined();

    t.engine.sendCallbackSuccess(t.callbackId(), '"abc"');
    await t.engine.idle();
    expect(t.exec().Status).toBe("SUCCEEDED");
    expect(JSON.parse(t.exec().Result!)).toEqual({ id: t.callbackId(), value: '"abc"' });
    expect(t.types()).toEqual(["ExecutionStarted", "CallbackStarted", "InvocationCompleted", "CallbackSucceeded", "InvocationCompleted", "ExecutionSucceeded"]);
    expect(t.history()[3]!.CallbackSucceededDetails!.Result).toEqual({ Payload: '"abc"', Truncated: false });
    expect(() => t.engine.sendCallbackSuccess(t.callbackId(), "again")).toThrow(/already closed/);
  });

  it("rethrows a failure sent by the external system as a CallbackExternalError", async () => {
    const t = setup(async (_e, ctx) => {
      const [result] = await ctx.createCallback();
      try {
        return await result;
      } catch (e) {
        return { caught: (e as Error).constructor.name, message: (e as Error).message, isCallbackError: e instanceof CallbackError };
      }
    });
    await t.engine.idle();
    t.engine.sendCallbackFailure(t.callbackId(), { ErrorType: "RejectedError", ErrorMessage: "not approved" });
    await t.engine.idle();
    expect(JSON.parse(t.exec().Result!)).toEqual({ caught: "CallbackExternalError", message: "not approved", isCallbackError: true });
    const failed = t.history().find((e) => e.EventType === "CallbackFailed")!;
    expect(failed.CallbackFailedDetails!.Error).toEqual({ Payload: { ErrorType: "RejectedError", ErrorMessage: "not approved" }, Truncated: false });
  });

  it("times out by its overall timeout and by missing heartbeats, which a heartbeat postpones", async () => {
    const t = setup(async (_e, ctx) => {
      const [result] = await ctx.createCallback({ timeout: { seconds: 100 }, heartbeatTimeout: { seconds: 10 } });
      try {
        return await result;
      } catch (e) {
        return { timeout: e instanceof CallbackTimeoutError, message: (e as Error).message };
      }
    });
    await t.engine.idle();
    t.clock.advance(8_000);
    t.engine.sendCallbackHeartbeat(t.callbackId());
    t.clock.advance(8_000); // 16 s after start, 8 s after the heartbeat: still open
    await t.engine.idle();
    expect(t.exec().Status).toBe("RUNNING");
    t.clock.advance(3_000);
    await t.engine.idle();
    expect(JSON.parse(t.exec().Result!)).toEqual({ timeout: true, message: "Callback timed out on heartbeat" });
    const timedOut = t.history().find((e) => e.EventType === "CallbackTimedOut")!;
    expect(timedOut.CallbackTimedOutDetails!.Error!.Payload!.ErrorType).toBe("Callback.Heartbeat");
    expect(() => t.engine.sendCallbackSuccess(t.callbackId(), "late")).toThrow(/timed out/);
  });

  it("waitForCallback hands the id to the submitter step and returns the result", async () => {
    const submitted: string[] = [];
    const t = setup(async (_e, ctx) =>
      ctx.waitForCallback("approve", async (callbackId) => {
        submitted.push(callbackId);
      }),
    );
    await t.engine.idle();
    expect(submitted).toEqual([t.callbackId()]);
    t.engine.sendCallbackSuccess(t.callbackId(), "yes");
    await t.engine.idle();
    expect(t.exec().Result).toBe('"yes"');
    expect(submitted).toHaveLength(1); // the submitter step replays, it does not run again
    const events = t.history();
    expect(events.find((e) => e.EventType === "ContextStarted")).toMatchObject({ Name: "approve", SubType: "WaitForCallback" });
    const inner = events.filter((e) => e.EventType === "CallbackStarted" || e.EventType === "StepStarted");
    expect(inner.map((e) => e.Name)).toEqual([undefined, undefined]);
  });

  it("answers unknown or forged callback ids with ResourceNotFoundException", () => {
    const t = setup(async () => 1);
    expect(() => t.engine.sendCallbackSuccess("bm90LWEtY2FsbGJhY2s=")).toThrow(/Callback not found/);
    expect(() => t.engine.sendCallbackHeartbeat("!!")).toThrow(/Callback not found/);
  });
});
