// The callback inbox route against the local durable service: every open callback of a
// function's running executions, with names, ids and timeouts; none of finished ones.
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CallbackInboxResponse } from "@/lib/action-types";
import { openCallback, params, settled, startAsync, startRouteTestService, type RouteTestService } from "../../../route-test-support";

vi.mock("server-only", () => ({}));

const twoCallbacks = withDurableExecution(async (_event: unknown, ctx) => {
  const [first] = await ctx.createCallback("first", { timeout: { hours: 2 }, heartbeatTimeout: { minutes: 5 } });
  const second = ctx.waitForCallback("second", async () => {});
  return [await first, await second];
});
const quick = withDurableExecution(async (_event: unknown, ctx) => ctx.step("only", async () => "done"));

let t: RouteTestService;
let GET: typeof import("./route").GET;

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "two", handler: twoCallbacks },
    { name: "quick", handler: quick },
  ]);
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  await t.stop();
});

async function inbox(fn: string): Promise<CallbackInboxResponse> {
  const response = await GET(new Request(`http://localhost:3000/api/functions/${fn}/callbacks`), params({ name: fn }));
  expect(response.status).toBe(200);
  return (await response.json()) as CallbackInboxResponse;
}

async function waitForCount(fn: string, count: number): Promise<CallbackInboxResponse> {
  for (let i = 0; i < 200; i++) {
    const out = await inbox(fn);
    if (out.callbacks.length === count) return out;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the inbox never had ${count} callbacks`);
}

describe("GET /api/functions/{name}/callbacks", () => {
  it("lists the open callbacks of running executions, named through their waitForCallback context", async () => {
    const arn = await startAsync(t.client, "two", "inbox-1");
    await openCallback(t.client, arn);
    const out = await waitForCount("two", 2);
    expect(out).toMatchObject({ executionsScanned: 1, truncated: false });
    expect(out.callbacks.map((c) => [c.executionName, c.name])).toEqual([
      ["inbox-1", "first"],
      ["inbox-1", "second"],
    ]);
    expect(out.callbacks[0]).toMatchObject({
      executionArn: arn,
      callbackId: expect.stringMatching(/^[A-Za-z0-9+/]+={0,2}$/),
      startedAt: expect.stringMatching(/^\d{4}-/),
      timeoutSeconds: 7200,
      heartbeatTimeoutSeconds: 300,
    });
  });

  it("drops callbacks once answered, and has nothing for functions without running executions", async () => {
    const arn = await startAsync(t.client, "two", "inbox-2");
    const { engine } = t.service;
    await waitForCount("two", 4);
    for (const cb of (await inbox("two")).callbacks.filter((c) => c.executionArn === arn)) engine.sendCallbackSuccess(cb.callbackId, '"ok"');
    await settled(t.client, arn, "SUCCEEDED");
    expect((await inbox("two")).callbacks.map((c) => c.executionName)).toEqual(["inbox-1", "inbox-1"]);
    await settled(t.client, await startAsync(t.client, "quick", "q-1"), "SUCCEEDED");
    expect(await inbox("quick")).toEqual({ callbacks: [], executionsScanned: 0, truncated: false });
  });

  it("says which function is unknown", async () => {
    const response = await GET(new Request("http://localhost:3000/api/functions/nope/callbacks"), params({ name: "nope" }));
    expect(response.status).toBe(404);
  });
});
