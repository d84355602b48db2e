// The callback inbox across functions against the local durable service: the open callbacks of
// every durable function's running executions, each with its function.
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CallbackInboxResponse } from "@/lib/action-types";
import { openCallback, startAsync, startRouteTestService, type RouteTestService } from "../route-test-support";

vi.mock("server-only", () => ({}));

const approval = withDurableExecution(async (_event: unknown, ctx) => {
  const [promise] = await ctx.createCallback("approve", { timeout: { hours: 1 } });
  return promise;
});

let t: RouteTestService;
let GET: typeof import("./route").GET;
let listAll: typeof import("@/lib/callback-inbox").listAllPendingCallbacks;

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "first", handler: approval },
    { name: "second", handler: approval },
    { name: "third", handler: withDurableExecution(async () => "no callbacks here") },
  ]);
  GET = (await import("./route")).GET;
  listAll = (await import("@/lib/callback-inbox")).listAllPendingCallbacks;
  await openCallback(t.client, await startAsync(t.client, "first", "a-1"));
  await openCallback(t.client, await startAsync(t.client, "second", "b-1"));
});

afterAll(async () => {
  await t.stop();
});

describe("GET /api/callbacks", () => {
  it("lists the waiting callbacks of every function, with the function of each", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const out = (await response.json()) as CallbackInboxResponse;
    expect(out.callbacks.map((c) => [c.functionName, c.executionName, c.name])).toEqual([
      ["first", "a-1", "approve"],
      ["second", "b-1", "approve"],
    ]);
    expect(out).toMatchObject({ executionsScanned: 2, truncated: false, functionsScanned: 3, functionsTotal: 3 });
  });

  it("reads at most the bound of functions and says how many it read", async () => {
    const out = await listAll(1);
    expect(out.callbacks.map((c) => c.functionName)).toEqual(["first"]);
    expect(out).toMatchObject({ functionsScanned: 1, functionsTotal: 3 });
  });
});
