// The stop routes (one execution, and several at once) against the local durable service
// through the app's LambdaClient, with the refusals that must leave executions running.
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openSession, params, post, settled, startAsync, startRouteTestService, statusOf, type RouteTestService } from "../route-test-support";

vi.mock("server-only", () => ({}));

const sleeper = withDurableExecution(async (_event: unknown, ctx) => {
  await ctx.wait("a-week", { days: 7 });
  return "woke up";
});
const quick = withDurableExecution(async (_event: unknown, ctx) => ctx.step("only", async () => "done"));

let t: RouteTestService;
let session: { token: string; cookie: string };
let stop: typeof import("./[arn]/stop/route").POST;
let bulk: typeof import("./bulk-stop/route").POST;

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "sleeper", handler: sleeper },
    { name: "quick", handler: quick },
  ]);
  session = await openSession();
  stop = (await import("./[arn]/stop/route")).POST;
  bulk = (await import("./bulk-stop/route")).POST;
});

afterAll(async () => {
  await t.stop();
});

afterEach(() => {
  delete process.env.DURABLE_LENS_READ_ONLY;
});

const stopPath = (arn: string) => `/api/executions/${encodeURIComponent(arn)}/stop`;

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe("POST /api/executions/{arn}/stop", () => {
  it("stops a running execution with the error given", async () => {
    const arn = await startAsync(t.client, "sleeper", "stop-1");
    const response = await stop(post(stopPath(arn), { error: { ErrorType: "Operator", ErrorMessage: "Runaway" } }, session), params({ arn }));
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ arn, stoppedAt: expect.stringMatching(/^\d{4}-/) });
    const out = await settled(t.client, arn, "STOPPED");
    expect(out.Error).toMatchObject({ ErrorType: "Operator", ErrorMessage: "Runaway" });
  });

  it("stops with no error at all when the fields are empty", async () => {
    const arn = await startAsync(t.client, "sleeper", "stop-2");
    const response = await stop(post(stopPath(arn), { error: { ErrorType: "", ErrorMessage: "" } }, session), params({ arn }));
    expect(response.status).toBe(200);
    await settled(t.client, arn, "STOPPED");
  });

  it("says clearly that a finished execution cannot be stopped, and that an unknown one does not exist", async () => {
    const arn = await startAsync(t.client, "quick", "done-1");
    await settled(t.client, arn, "SUCCEEDED");
    const finished = await stop(post(stopPath(arn), {}, session), params({ arn }));
    expect(finished.status).toBe(409);
    expect(await json(finished)).toMatchObject({ code: "ExecutionNotRunning", message: expect.stringContaining("Only a running execution can be stopped") });

    const missing = arn.replace(/[0-9a-f-]{36}$/, "00000000-0000-0000-0000-000000000000");
    const unknown = await stop(post(stopPath(missing), {}, session), params({ arn: missing }));
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).code).toBe("ExecutionNotFound");
  });

  it("refuses a malformed ARN, a bad body and an oversize error, naming what is wrong", async () => {
    const arn = await startAsync(t.client, "sleeper", "stop-bad");
    const malformed = await stop(post("/api/executions/nope/stop", {}, session), params({ arn: "nope" }));
    expect(malformed.status).toBe(400);
    expect(String((await json(malformed)).message)).toMatch(/^Malformed durable execution ARN/);
    const typo = await stop(post(stopPath(arn), { error: { ErrorData: "x" } }, session), params({ arn }));
    expect((await json(typo)).message).toBe('Invalid field "error.ErrorData": is not a field of this request');
    const notJson = await stop(post(stopPath(arn), undefined, session, { rawBody: "stop please" }), params({ arn }));
    expect(notJson.status).toBe(400);
    expect((await json(notJson)).code).toBe("InvalidJson");
    const big = await stop(post(stopPath(arn), { error: { ErrorMessage: "m".repeat(300 * 1024) } }, session), params({ arn }));
    expect(big.status).toBe(413);
    expect(String((await json(big)).message)).toMatch(/^"error" is 300 KB/);
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });

  it("refuses cross-origin, tokenless and read-only requests and leaves the execution running", async () => {
    const arn = await startAsync(t.client, "sleeper", "stop-refused");
    const crossOrigin = await stop(post(stopPath(arn), {}, session, { origin: "http://localhost:3001" }), params({ arn }));
    expect([crossOrigin.status, (await json(crossOrigin)).code]).toEqual([403, "CrossOriginRefused"]);
    const tokenless = await stop(post(stopPath(arn), {}, session, { token: null }), params({ arn }));
    expect([tokenless.status, (await json(tokenless)).code]).toEqual([403, "CsrfTokenMissing"]);
    process.env.DURABLE_LENS_READ_ONLY = "1";
    const readOnly = await stop(post(stopPath(arn), {}, session), params({ arn }));
    expect([readOnly.status, (await json(readOnly)).code]).toEqual([403, "ReadOnly"]);
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });
});

describe("POST /api/executions/bulk-stop", () => {
  it("stops each running execution and reports the ones it could not stop", async () => {
    const a = await startAsync(t.client, "sleeper", "bulk-a");
    const b = await startAsync(t.client, "sleeper", "bulk-b");
    const done = await startAsync(t.client, "quick", "bulk-done");
    await settled(t.client, done, "SUCCEEDED");
    const response = await bulk(post("/api/executions/bulk-stop", { arns: [a, b, done, a], error: { ErrorMessage: "cleanup" } }, session));
    expect(response.status).toBe(200);
    const body = (await response.json()) as import("@/lib/action-types").BulkStopResponse;
    expect(body).toMatchObject({ stopped: 2, failed: 1 });
    expect(body.results.map((r) => [r.arn, r.ok])).toEqual([
      [a, true],
      [b, true],
      [done, false],
    ]);
    expect(body.results[2]).toMatchObject({ ok: false, error: { status: 409, code: "ExecutionNotRunning" } });
    expect((await settled(t.client, b, "STOPPED")).Error).toMatchObject({ ErrorMessage: "cleanup" });
  });

  it("validates the list with messages naming the entry", async () => {
    const a = await startAsync(t.client, "sleeper", "bulk-invalid");
    const empty = await bulk(post("/api/executions/bulk-stop", { arns: [] }, session));
    expect((await json(empty)).message).toBe('Invalid field "arns": must name at least one execution');
    const bad = await bulk(post("/api/executions/bulk-stop", { arns: [a, "arn:nope"] }, session));
    expect((await json(bad)).message).toBe('Invalid field "arns[1]": must be a durable execution ARN');
    const many = await bulk(post("/api/executions/bulk-stop", { arns: Array.from({ length: 101 }, () => a) }, session));
    expect((await json(many)).message).toBe('Invalid field "arns": must name at most 100 executions');
    expect(await statusOf(t.client, a)).toBe("RUNNING");
  });

  it("refuses cross-origin and read-only requests before stopping anything", async () => {
    const a = await startAsync(t.client, "sleeper", "bulk-refused");
    const crossOrigin = await bulk(post("/api/executions/bulk-stop", { arns: [a] }, session, { origin: "https://evil.example" }));
    expect(crossOrigin.status).toBe(403);
    process.env.DURABLE_LENS_READ_ONLY = "yes";
    const readOnly = await bulk(post("/api/executions/bulk-stop", { arns: [a] }, session));
    expect((await json(readOnly)).code).toBe("ReadOnly");
    expect(await statusOf(t.client, a)).toBe("RUNNING");
  });
});
