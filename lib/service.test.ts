import { GetDurableExecutionCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "@durable-lens/sdk";
import { MemoryStore } from "@durable-lens/sdk/engine";
import { LocalDurableService } from "@durable-lens/sdk/local";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toApiError } from "./errors";
import type { ExecutionsQuery } from "./validation";

// The route modules guard against being bundled for the browser; a test runs them in Node on purpose.
vi.mock("server-only", () => ({}));

const quick = withDurableExecution(async (_event: unknown, ctx) => ctx.step("work", async () => "done"));
const slow = withDurableExecution(async (_event: unknown, ctx) => {
  await ctx.wait("a-long-while", { days: 7 });
  return "late";
});
const broken = withDurableExecution(async (_event: unknown, ctx) =>
  ctx.step("explode", async () => {
    throw new Error("kaboom");
  }, { retryStrategy: () => ({ shouldRetry: false }) }),
);

let service: LocalDurableService;
let client: LambdaClient;
let lib: typeof import("./service");

async function start(functionName: string, name: string): Promise<void> {
  await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", DurableExecutionName: name, Payload: new TextEncoder().encode("{}") }));
}

async function settled(functionName: string, name: string, status: string): Promise<void> {
  const arn = (await lib.listExecutions(functionName, { status: [], order: "newest", name })).executions.find((e) => e.name === name)?.arn;
  for (let i = 0; i < 100; i++) {
    const out = arn ? await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn })) : undefined;
    if (out?.Status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} did not reach ${status}`);
}

const query = (q: Partial<ExecutionsQuery> = {}): ExecutionsQuery => ({ status: [], order: "newest", ...q });

beforeAll(async () => {
  service = await LocalDurableService.start({
    store: new MemoryStore(),
    functions: [
      { name: "quick", description: "One step.", handler: quick },
      { name: "slow", handler: slow },
      { name: "broken", handler: broken },
    ],
  });
  process.env.DURABLE_LENS_LOCAL_ENDPOINT = service.endpoint;
  client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  lib = await import("./service");
  for (const name of ["alpha-1", "alpha-2", "beta-1"]) {
    await start("quick", name);
    await new Promise((r) => setTimeout(r, 5)); // distinct start times
  }
  await start("slow", "wait-1");
  await start("broken", "boom-1");
  await settled("quick", "beta-1", "SUCCEEDED");
  await settled("broken", "boom-1", "FAILED");
});

afterAll(async () => {
  await service.stop();
});

describe("read routes against the local service through LambdaClient", () => {
  it("lists the durable functions by name", async () => {
    const functions = await lib.listDurableFunctions();
    expect(functions.map((f) => f.name)).toEqual(["broken", "quick", "slow"]);
    expect(functions.find((f) => f.name === "quick")).toMatchObject({ description: "One step.", arn: expect.stringMatching(/:function:quick$/) });
  });

  it("counts running and failed executions", async () => {
    expect(await lib.countExecutions("slow")).toEqual({ running: { count: 1, more: false }, failed: { count: 0, more: false } });
    expect(await lib.countExecutions("broken")).toEqual({ running: { count: 0, more: false }, failed: { count: 1, more: false } });
  });

  it("searches by name and sorts by start time both ways", async () => {
    const newest = await lib.listExecutions("quick", query({ name: "alpha" }));
    expect(newest.executions.map((e) => e.name)).toEqual(["alpha-2", "alpha-1"]);
    expect(newest.executions[0]).toMatchObject({ status: "SUCCEEDED", version: "$LATEST", endedAt: expect.any(String) });
    const oldest = await lib.listExecutions("quick", query({ name: "alpha", order: "oldest" }));
    expect(oldest.executions.map((e) => e.name)).toEqual(["alpha-1", "alpha-2"]);
  });

  it("filters by status and by start-time window", async () => {
    expect((await lib.listExecutions("slow", query({ status: ["RUNNING"] }))).executions.map((e) => e.name)).toEqual(["wait-1"]);
    expect((await lib.listExecutions("slow", query({ status: ["SUCCEEDED", "FAILED"] }))).executions).toEqual([]);
    const future = new Date(Date.now() + 3600_000);
    expect((await lib.listExecutions("quick", query({ startedAfter: future }))).executions).toEqual([]);
    expect((await lib.listExecutions("quick", query({ startedBefore: new Date(0) }))).executions).toEqual([]);
    const window = { startedAfter: new Date(Date.now() - 3600_000), startedBefore: future };
    expect((await lib.listExecutions("quick", query(window))).executions).toHaveLength(3);
  });

  it("pages with markers", async () => {
    const first = await lib.listExecutions("quick", query({ maxItems: 2 }));
    expect(first.executions.map((e) => e.name)).toEqual(["beta-1", "alpha-2"]);
    expect(first.nextMarker).toEqual(expect.any(String));
    const second = await lib.listExecutions("quick", query({ maxItems: 2, marker: first.nextMarker }));
    expect(second.executions.map((e) => e.name)).toEqual(["alpha-1"]);
    expect(second.nextMarker).toBeUndefined();
  });

  it("takes the qualifier from the query or from name:qualifier", async () => {
    expect((await lib.listExecutions("quick", query({ qualifier: "$LATEST" }))).executions).toHaveLength(3);
    expect((await lib.listExecutions("quick:$LATEST", query())).executions).toHaveLength(3);
    const error = await lib.listExecutions("quick", query({ qualifier: "prod" })).catch((e: unknown) => e);
    expect(toApiError(error, { target: "local", region: "us-east-1" })).toMatchObject({ status: 404, code: "NotFound" });
  });

  it("reads an execution with its whole history and data", async () => {
    const arn = (await lib.listExecutions("broken", query())).executions[0]!.arn;
    const { execution, events, eventsTruncated } = await lib.getExecutionWithHistory(arn);
    expect(execution).toMatchObject({ name: "boom-1", status: "FAILED", input: "{}", error: { ErrorMessage: "kaboom" } });
    expect(eventsTruncated).toBe(false);
    const types = (events as { EventType: string }[]).map((e) => e.EventType);
    expect(types[0]).toBe("ExecutionStarted");
    expect(types).toContain("StepFailed");
    expect(types.at(-1)).toBe("ExecutionFailed");
  });
});
