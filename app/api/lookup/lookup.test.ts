// The header search against the local durable service: an ARN finds its execution, a name is
// searched across the durable functions (bounded, and the answer says when it stopped early).
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ExecutionLookupResponse } from "@/lib/execution-lookup-types";
import { settled, startAsync, startRouteTestService, type RouteTestService } from "../route-test-support";

vi.mock("server-only", () => ({}));

const quick = withDurableExecution(async (_event: unknown, ctx) => ctx.step("only", async () => "done"));

let t: RouteTestService;
let GET: typeof import("./route").GET;
let lookUp: typeof import("@/lib/execution-lookup").lookUpExecutions;
const arns: Record<string, string> = {};

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "alpha", handler: quick },
    { name: "beta", handler: quick },
  ]);
  GET = (await import("./route")).GET;
  lookUp = (await import("@/lib/execution-lookup")).lookUpExecutions;
  for (const [fn, name] of [
    ["alpha", "order-77"],
    ["beta", "order-78"],
    ["beta", "refund-9"],
  ] as const) {
    arns[name] = await startAsync(t.client, fn, name);
    await settled(t.client, arns[name]!, "SUCCEEDED");
  }
});

afterAll(async () => {
  await t.stop();
});

async function get(q: string): Promise<Response> {
  const { NextRequest } = await import("next/server");
  return GET(new NextRequest(`http://localhost:3000/api/lookup?q=${encodeURIComponent(q)}`));
}

async function found(q: string): Promise<ExecutionLookupResponse> {
  const response = await get(q);
  expect(response.status).toBe(200);
  return (await response.json()) as ExecutionLookupResponse;
}

describe("GET /api/lookup", () => {
  it("finds an execution by its ARN, with its function", async () => {
    const out = await found(arns["refund-9"]!);
    expect(out).toMatchObject({ by: "arn", partial: false });
    expect(out.executions).toEqual([expect.objectContaining({ arn: arns["refund-9"], name: "refund-9", functionName: "beta", status: "SUCCEEDED" })]);
  });

  it("answers an ARN that is well formed but unknown with no execution", async () => {
    const unknown = arns["refund-9"]!.replace(/[^/]+$/, "00000000-0000-0000-0000-000000000000");
    expect((await found(unknown)).executions).toEqual([]);
  });

  it("searches names across every durable function, newest first", async () => {
    const out = await found("order");
    expect(out).toMatchObject({ by: "name", functionsSearched: 2, functionsTotal: 2, partial: false });
    expect(out.executions.map((e) => [e.functionName, e.name])).toEqual([
      ["beta", "order-78"],
      ["alpha", "order-77"],
    ]);
    expect((await found("nothing-like-it")).executions).toEqual([]);
  });

  it("stops after a bound of functions and says it did", async () => {
    const out = await lookUp({ by: "name", name: "order" }, 1);
    expect(out).toMatchObject({ functionsSearched: 1, functionsTotal: 2, partial: true });
    expect(out.executions.map((e) => e.name)).toEqual(["order-77"]);
  });

  it("refuses a malformed ARN, a name Lambda would never give, and an empty search", async () => {
    for (const q of ["arn:aws:lambda:us-east-1:123:function:f", "order 77", ""]) {
      const response = await get(q);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining('"q"') });
    }
  });
});
