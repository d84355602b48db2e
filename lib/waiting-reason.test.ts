// The execution read the app's pages use carries the local service's reason a running
// execution is not invoked: its function is gone. Against a real LocalDurableService.
import { GetDurableExecutionHistoryCommand, InvokeCommand, LambdaClient, SendDurableExecutionCallbackSuccessCommand } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "@durable-lens/sdk";
import { MemoryStore } from "@durable-lens/sdk/engine";
import { LocalDurableService } from "@durable-lens/sdk/local";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const approval = withDurableExecution(async (_event: unknown, ctx) => {
  const answer = await ctx.waitForCallback("approve", async () => {});
  return ctx.step("after", async () => answer);
});

let service: LocalDurableService;
let client: LambdaClient;
let lib: typeof import("./service");

beforeAll(async () => {
  service = await LocalDurableService.start({ store: new MemoryStore(), functions: [{ name: "approval", handler: approval }] });
  process.env.DURABLE_LENS_LOCAL_ENDPOINT = service.endpoint;
  client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  lib = await import("./service");
});
afterAll(async () => {
  client?.destroy();
  await service?.stop();
});

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("gave up waiting");
}

it("reads why a running execution waits while its function is gone, and nothing once it is back", async () => {
  const arn = (await client.send(new InvokeCommand({ FunctionName: "approval", InvocationType: "Event", Payload: new TextEncoder().encode("{}") }))).DurableExecutionArn!;
  const events = await until(
    async () => (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events ?? [],
    (e) => e.some((x) => x.EventType === "InvocationCompleted"),
  );
  const callbackId = events.find((e) => e.EventType === "CallbackStarted")!.CallbackStartedDetails!.CallbackId!;
  expect((await lib.getExecutionWithHistory(arn)).execution.waitingReason).toBeUndefined();

  const registration = service.registry.find("approval")!;
  service.registry.unregister("approval");
  await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode('"yes"') }));
  const waiting = await until(() => lib.getExecutionWithHistory(arn), (r) => r.execution.waitingReason !== undefined);
  expect(waiting.execution.status).toBe("RUNNING");
  expect(waiting.execution.waitingReason).toMatch(/^Waiting for function approval, which the service does not serve now/);

  service.registry.register(registration);
  const done = await until(() => lib.getExecutionWithHistory(arn), (r) => r.execution.status !== "RUNNING");
  expect(done.execution.status).toBe("SUCCEEDED");
  expect(done.execution.result).toContain("yes");
  expect(done.execution.waitingReason).toBeUndefined();
});
