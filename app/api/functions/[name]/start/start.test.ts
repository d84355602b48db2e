// The start route against the local durable service through the app's LambdaClient: async and
// sync starts, a repeated name, and the refusals that must start nothing.
import { ListDurableExecutionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { StartResponse } from "@/lib/action-types";
import { openSession, params, post, settled, startRouteTestService, type RouteTestService } from "../../../route-test-support";

vi.mock("server-only", () => ({}));

const echo = withDurableExecution(async (event: { n?: number }, ctx) => ctx.step("double", async () => ({ doubled: (event.n ?? 0) * 2 })));
const boom = withDurableExecution(async (_event: unknown, ctx) =>
  ctx.step("explode", async () => {
    throw new Error("kaboom");
  }, { retryStrategy: () => ({ shouldRetry: false }) }),
);

let t: RouteTestService;
let session: { token: string; cookie: string };
let start: typeof import("./route").POST;

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "echo", handler: echo },
    { name: "boom", handler: boom },
  ]);
  session = await openSession();
  start = (await import("./route")).POST;
});

afterAll(async () => {
  await t.stop();
});

afterEach(() => {
  delete process.env.DURABLE_LENS_READ_ONLY;
});

const startOf = (fn: string, body: unknown, options?: Parameters<typeof post>[3]) =>
  start(post(`/api/functions/${fn}/start`, body, session, options), params({ name: fn }));

async function names(fn: string): Promise<string[]> {
  const out = await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: fn }));
  return (out.DurableExecutions ?? []).map((e) => e.DurableExecutionName ?? "");
}

describe("POST /api/functions/{name}/start", () => {
  it("starts an execution asynchronously with the payload and name given", async () => {
    const response = await startOf("echo", { payload: '{"n":21}', executionName: "async-1", mode: "async" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as StartResponse;
    expect(body).toMatchObject({ functionName: "echo", mode: "async", statusCode: 202, arn: expect.stringContaining("/durable-execution/async-1/") });
    const done = await settled(t.client, body.arn!, "SUCCEEDED");
    expect(done.InputPayload).toBe('{"n":21}');
    expect(JSON.parse(done.Result!)).toEqual({ doubled: 42 });
  });

  it("starts synchronously and answers with the result, or the function error", async () => {
    const ok = (await (await startOf("echo", { payload: '{"n":2}', mode: "sync" })).json()) as StartResponse;
    expect(ok).toMatchObject({ mode: "sync", statusCode: 200, arn: expect.any(String) });
    expect(JSON.parse(ok.result!)).toEqual({ doubled: 4 });
    const failed = (await (await startOf("boom", { mode: "sync" })).json()) as StartResponse;
    expect(failed).toMatchObject({ functionError: "Unhandled", result: expect.stringContaining("kaboom") });
  });

  it("starts with {} when the payload is empty, and a repeated name with the same input returns the same execution", async () => {
    const first = (await (await startOf("echo", { payload: "", executionName: "same-1" })).json()) as StartResponse;
    const again = (await (await startOf("echo", { executionName: "same-1" })).json()) as StartResponse;
    expect(again.arn).toBe(first.arn);
    expect((await settled(t.client, first.arn!, "SUCCEEDED")).InputPayload).toBe("{}");
  });

  it("says clearly when the name is taken by an execution with other input, or the function does not exist", async () => {
    await startOf("echo", { payload: '{"n":1}', executionName: "taken-1" });
    const clash = await startOf("echo", { payload: '{"n":2}', executionName: "taken-1" });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: "ExecutionNameTaken", message: expect.stringContaining('An execution named "taken-1" already exists') });
    const missing = await startOf("no-such-function", {});
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "FunctionNotFound" });
  });

  it("validates the body with messages naming the field, and starts nothing", async () => {
    const cases: [unknown, string][] = [
      [{ payload: "{n: 1}" }, 'Invalid field "payload": must be valid JSON (line 1, column 2'],
      [{ executionName: "has space" }, 'Invalid field "executionName": must be 1-64 letters, digits, - or _'],
      [{ mode: "later" }, 'Invalid field "mode": must be "async" or "sync"'],
      [{ qualifier: "a/b" }, 'Invalid field "qualifier": must be a version, $LATEST or an alias name'],
      [{ payload: { n: 1 } }, 'Invalid field "payload": must be a string'],
      [{ input: "{}" }, 'Invalid field "input": is not a field of this request'],
    ];
    for (const [body, message] of cases) {
      const response = await startOf("echo", { executionName: "never-1", ...(body as object) });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(String(((await response.json()) as { message: string }).message)).toContain(message);
    }
    const notJson = await startOf("echo", undefined, { rawBody: "{" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: "InvalidJson" });
    expect(await names("echo")).not.toContain("never-1");
  });

  it("refuses a payload over the limit of its mode before calling Lambda", async () => {
    const payload = JSON.stringify({ blob: "z".repeat(1024 * 1024) });
    const asyncStart = await startOf("echo", { payload, executionName: "big-async", mode: "async" });
    expect(asyncStart.status).toBe(413);
    expect(String(((await asyncStart.json()) as { message: string }).message)).toMatch(/^"payload" is 1 MB \(1,048,587 bytes\).*Lambda accepts at most 1 MB/);
    expect(await names("echo")).not.toContain("big-async");
  });

  it("refuses cross-origin, tokenless and read-only requests and starts nothing", async () => {
    const body = { executionName: "refused-1" };
    expect((await startOf("echo", body, { origin: "https://evil.example" })).status).toBe(403);
    expect((await startOf("echo", body, { token: null, cookie: null })).status).toBe(403);
    process.env.DURABLE_LENS_READ_ONLY = "on";
    const readOnly = await startOf("echo", body);
    expect(await readOnly.json()).toMatchObject({ status: 403, code: "ReadOnly" });
    expect(await names("echo")).not.toContain("refused-1");
  });
});
