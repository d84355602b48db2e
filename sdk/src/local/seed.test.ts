import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetDurableExecutionHistoryCommand,
  LambdaClient,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
  type Event,
} from "@aws-sdk/client-lambda";
import { sampleFunctions } from "../examples/index.js";
import { LocalDurableService } from "./service.js";
import { sampleRegistrations, seedSampleExecutions } from "./seed.js";
import { SqliteStore } from "./sqlite-store.js";

let service: LocalDurableService;
let client: LambdaClient;
let arns: Map<string, string>;

beforeAll(async () => {
  service = await LocalDurableService.start({ store: SqliteStore.inMemory(), functions: sampleRegistrations() });
  client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  const list = seedSampleExecutions(service.engine);
  arns = new Map(list.map((arn) => [arn.split("/")[2]!, arn]));
});

afterAll(() => service.stop());

async function history(name: string): Promise<Event[]> {
  const out = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arns.get(name)!, IncludeExecutionData: true }));
  return out.Events!;
}

async function settled(name: string) {
  const rec = await service.engine.waitForCompletion(arns.get(name)!);
  return { status: rec.status, result: rec.result === undefined ? undefined : JSON.parse(rec.result), error: rec.error };
}

const names = (events: Event[], type: string) => events.filter((e) => e.EventType === type).map((e) => e.Name);

describe("sample functions", () => {
  it("are all registered, one per operation family", async () => {
    const { Functions } = await client.send(new ListFunctionsCommand({}));
    expect(Functions!.map((f) => f.FunctionName).sort()).toEqual(sampleFunctions.map((f) => f.name).sort());
  });
});

describe("sample executions", () => {
  it("record the order workflow: a map, a retried payment, a wait and an answered warehouse callback", async () => {
    expect(await settled("order-1001")).toMatchObject({
      status: "SUCCEEDED",
      result: { orderId: "1001", trackingId: "trk-1001", paymentId: "pay-1001", dock: "D7" },
    });
    const events = await history("order-1001");
    expect(events.filter((e) => e.EventType === "ContextStarted" && e.SubType === "Map").map((e) => e.Name)).toEqual(["reserve-inventory"]);
    expect(names(events, "ContextSucceeded")).toEqual(expect.arrayContaining(["keyboard", "mouse"]));
    expect(events.filter((e) => e.EventType === "StepFailed" && e.Name === "charge-payment").map((e) => e.StepFailedDetails!.Error!.Payload!.ErrorMessage)).toEqual([
      "Payment gateway timed out",
    ]);
    expect(names(events, "StepSucceeded")).toEqual(expect.arrayContaining(["charge-payment", "pick-items", "ship", "send-confirmation"]));
    expect(events.filter((e) => e.EventType === "CallbackSucceeded").map((e) => e.CallbackSucceededDetails!.Result!.Payload)).toEqual(['{"dock":"D7"}']);
    expect(names(events, "WaitSucceeded")).toEqual(["cool-off"]);
  });

  it("record a payment that fails after three attempts", async () => {
    const payment = await settled("payment-2001");
    expect(payment.status).toBe("FAILED");
    expect(payment.error?.ErrorMessage).toBe("Gateway declined payment 2001 (attempt 3)");
    const events = await history("payment-2001");
    expect(events.filter((e) => e.EventType === "StepFailed").map((e) => e.StepFailedDetails!.RetryDetails!.CurrentAttempt)).toEqual([1, 2, 3]);
  });

  it("record a chained invoke, child contexts, a map, parallel branches and a polled condition", async () => {
    expect(await settled("invoice-5001")).toMatchObject({ status: "SUCCEEDED", result: { invoiceId: "5001", net: 25000, rate: 0.19, tax: 4750, gross: 29750 } });
    expect(names(await history("invoice-5001"), "ChainedInvokeSucceeded")).toEqual(["calculate-tax"]);

    expect(await settled("onboarding-6001")).toMatchObject({ status: "SUCCEEDED", result: { userId: "user-grace", plan: "team", welcome: "Welcome to the team plan" } });
    expect(names(await history("onboarding-6001"), "ContextSucceeded")).toEqual(["create-account", "send-welcome"]);

    expect(await settled("thumbnails-7001")).toMatchObject({
      status: "SUCCEEDED",
      result: { count: 3, thumbnails: [{ name: "thumb-beach.jpg", width: 200 }, { name: "thumb-city.png", width: 200 }, { name: "thumb-icon.png", width: 120 }] },
    });

    expect(await settled("trip-8001")).toMatchObject({ status: "SUCCEEDED", result: { tripId: "8001", flight: "FL-8001", hotel: "HT-LIS-3", car: "CR-8001" } });
    const trip = await history("trip-8001");
    expect(trip.find((e) => e.EventType === "ContextStarted" && e.Name === "book-trip")?.SubType).toBe("Parallel");
    expect(names(trip, "ContextSucceeded")).toEqual(expect.arrayContaining(["flight", "hotel", "car"]));

    expect(await settled("deploy-9001")).toMatchObject({ status: "SUCCEEDED", result: { version: "2.4.0", checks: 3, promoted: true } });
    const deploy = await history("deploy-9001");
    expect(deploy.find((e) => e.EventType === "StepStarted" && e.Name === "wait-until-healthy")?.SubType).toBe("WaitForCondition");
  });

  it("leave one execution waiting on a timer and one on a callback", async () => {
    for (const [fn, name] of [
      ["approval-flow", "approval-3001"],
      ["expense-approval", "expense-4001"],
    ]) {
      const { DurableExecutions } = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: fn }));
      expect(DurableExecutions!.map((e) => [e.DurableExecutionName, e.Status])).toEqual([[name, "RUNNING"]]);
    }
    await expect.poll(async () => names(await history("expense-4001"), "CallbackStarted")).toEqual(["manager-approval"]);
  });

  it("records nothing twice when seeded again", async () => {
    expect(seedSampleExecutions(service.engine)).toEqual([...arns.values()]);
  });
});
