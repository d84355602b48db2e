// The local runner without skip time: the engine runs on the real clock, so waits, retry
// delays and polls take the time they say (the samples below need a few seconds).
import { describe, expect, it } from "vitest";
import { deploymentMonitor, invoiceGenerator, orderProcessor, taxCalculator } from "../examples/index.js";
import { LocalDurableTestRunner, WaitingOperationStatus } from "./index.js";

const seconds = (from: Date | undefined, to: Date | undefined) => (to!.getTime() - from!.getTime()) / 1000;

describe("LocalDurableTestRunner in real time", () => {
  it("runs the order workflow: a retry after a second, a two-second wait and a callback answered mid-run", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: orderProcessor, functionName: "order-processor" });
    const warehouse = runner.getOperation("warehouse-confirmation");
    const running = runner.run({ payload: { orderId: "7", items: ["lamp"] } });
    await warehouse.waitForData(WaitingOperationStatus.SUBMITTED);
    await warehouse.sendCallbackSuccess(JSON.stringify({ dock: "D3" }));
    const execution = await running;

    expect(execution.getResult()).toEqual({ orderId: "7", trackingId: "trk-7", paymentId: "pay-7", dock: "D3" });
    const charge = runner.getOperation("charge-payment");
    expect(charge.getStepDetails()?.attempt).toBe(2);
    const wait = runner.getOperation("cool-off");
    expect(seconds(wait.getStartTimestamp(), wait.getEndTimestamp())).toBeGreaterThanOrEqual(2);
    const events = execution.getHistoryEvents();
    expect(seconds(events[0]!.EventTimestamp, events.at(-1)!.EventTimestamp)).toBeGreaterThanOrEqual(3);
  });

  it("polls a rollout's health once a second until it is healthy", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: deploymentMonitor });
    const execution = await runner.run({ payload: { version: "1.2.3", healthyAfterChecks: 2 } });
    expect(execution.getResult()).toEqual({ version: "1.2.3", checks: 2, promoted: true });
    const poll = runner.getOperation("wait-until-healthy");
    expect(poll.getStepDetails()?.attempt).toBe(2);
    expect(seconds(poll.getStartTimestamp(), poll.getEndTimestamp())).toBeGreaterThanOrEqual(1);
  });

  it("invokes another durable function", async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: invoiceGenerator }).registerDurableFunction("tax-calculator", taxCalculator);
    const execution = await runner.run({ payload: { invoiceId: "9", amount: 1000, country: "US" } });
    expect(execution.getResult()).toEqual({ invoiceId: "9", net: 1000, rate: 0.07, tax: 70, gross: 1070 });
  });
});
