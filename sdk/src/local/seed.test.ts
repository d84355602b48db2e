import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetDurableExecutionHistoryCommand, LambdaClient, ListDurableExecutionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { LocalDurableService } from "./service.js";
import { sampleRegistrations, seedSampleExecutions } from "./seed.js";
import { SqliteStore } from "./sqlite-store.js";

let service: LocalDurableService;
let client: LambdaClient;
let arns: string[];

beforeAll(async () => {
  service = await LocalDurableService.start({ store: SqliteStore.inMemory(), functions: sampleRegistrations() });
  client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  arns = seedSampleExecutions(service.engine);
});

afterAll(() => service.stop());

describe("sample executions", () => {
  it("record one success, one failure after retries and one waiting execution", async () => {
    const [order, payment] = await Promise.all(arns.slice(0, 2).map((arn) => service.engine.waitForCompletion(arn)));
    expect(order!.status).toBe("SUCCEEDED");
    expect(JSON.parse(order!.result!)).toEqual({ orderId: "1001", trackingId: "trk-1001" });
    expect(payment!.status).toBe("FAILED");
    expect(payment!.error?.ErrorMessage).toBe("Gateway declined payment 2001 (attempt 3)");

    const waiting = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "approval-flow" }));
    expect(waiting.DurableExecutions!.map((e) => [e.DurableExecutionName, e.Status])).toEqual([["approval-3001", "RUNNING"]]);

    const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arns[1]! }));
    expect(Events!.filter((e) => e.EventType === "StepFailed").map((e) => e.StepFailedDetails!.RetryDetails!.CurrentAttempt)).toEqual([1, 2, 3]);
  });

  it("records nothing twice when seeded again", async () => {
    expect(seedSampleExecutions(service.engine)).toEqual(arns);
  });
});
