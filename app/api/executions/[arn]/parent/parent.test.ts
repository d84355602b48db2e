// The child -> parent link of a chained invoke against the local durable service: found by
// reading the histories of the executions running when the child started, within bounds.
import { GetDurableExecutionHistoryCommand } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "@durable-lens/sdk";
import { parseHistory } from "@durable-lens/sdk/history";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ParentLookupResponse } from "@/lib/parent-lookup-types";
import { params, settled, startAsync, startRouteTestService, type RouteTestService } from "../../../route-test-support";

vi.mock("server-only", () => ({}));

const child = withDurableExecution(async (n: number, ctx) => ctx.step("double", async () => n * 2));
const parentFn = withDurableExecution(async (_event: unknown, ctx) => {
  const doubled = await ctx.invoke<number, number>("call-child", "child", 21);
  return ctx.step("done", async () => doubled);
});
const bystander = withDurableExecution(async (_event: unknown, ctx) => ctx.step("only", async () => "done"));

let t: RouteTestService;
let GET: typeof import("./route").GET;
let find: typeof import("@/lib/parent-lookup").findParentExecution;
let parentArn: string;
let childArn: string;

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "a-bystander", handler: bystander },
    { name: "child", handler: child },
    { name: "parent", handler: parentFn },
  ]);
  GET = (await import("./route")).GET;
  find = (await import("@/lib/parent-lookup")).findParentExecution;
  await settled(t.client, await startAsync(t.client, "a-bystander", "noise-1"), "SUCCEEDED");
  parentArn = await startAsync(t.client, "parent", "invoice-1");
  await settled(t.client, parentArn, "SUCCEEDED");
  const out = await t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: parentArn, MaxItems: 1000 }));
  const started = parseHistory(out.Events ?? []).events.find((e) => e.EventType === "ChainedInvokeStarted");
  childArn = started!.ChainedInvokeStartedDetails!.DurableExecutionArn!;
});

afterAll(async () => {
  await t.stop();
});

async function lookUp(arn: string): Promise<Response> {
  return GET(new Request("http://localhost:3000/api/executions/x/parent"), params({ arn }));
}

describe("GET /api/executions/{arn}/parent", () => {
  it("finds the execution whose chained invoke started the child, and the operation that did", async () => {
    const response = await lookUp(childArn);
    expect(response.status).toBe(200);
    const out = (await response.json()) as ParentLookupResponse;
    expect(out.parent).toMatchObject({ arn: parentArn, name: "invoice-1", functionName: "parent", operationName: "call-child" });
    expect(out.parent!.operationId).toMatch(/\S/);
    expect(out).toMatchObject({ functionsSearched: 3, functionsTotal: 3, partial: false });
  });

  it("finds no parent for an execution nothing invoked", async () => {
    const out = (await (await lookUp(parentArn)).json()) as ParentLookupResponse;
    expect(out.parent).toBeUndefined();
    expect(out.partial).toBe(false);
  });

  it("says it stopped early when the bounds leave candidates unread", async () => {
    const out = await find(childArn, { functions: 1, perFunction: 10, histories: 40 });
    expect(out).toMatchObject({ functionsSearched: 1, functionsTotal: 3, partial: true });
    expect(out.parent).toBeUndefined();
  });

  it("refuses a malformed ARN and answers 404 for an unknown one", async () => {
    expect((await lookUp("arn:nope")).status).toBe(400);
    expect((await lookUp(childArn.replace(/[^/]+$/, "00000000-0000-0000-0000-000000000000"))).status).toBe(404);
  });
});
