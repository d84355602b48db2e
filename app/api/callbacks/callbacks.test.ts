// The callback routes against the local durable service through the app's LambdaClient: each
// action reaches the execution, and each refusal leaves the callback waiting.
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openCallback, openSession, post, settled, startAsync, startRouteTestService, statusOf, type RouteTestService } from "../route-test-support";

vi.mock("server-only", () => ({}));

/** Waits an hour for an approval and returns what it got, or the failure it was sent. */
const approval = withDurableExecution(async (_event: unknown, ctx) => {
  const [answer] = await ctx.createCallback("approval", { timeout: { hours: 1 }, heartbeatTimeout: { minutes: 10 } });
  try {
    return { answer: await answer };
  } catch (e) {
    return { failed: (e as Error).message };
  }
});

let t: RouteTestService;
let session: { token: string; cookie: string };
let routes: {
  succeed: typeof import("./succeed/route").POST;
  fail: typeof import("./fail/route").POST;
  heartbeat: typeof import("./heartbeat/route").POST;
};

beforeAll(async () => {
  t = await startRouteTestService([{ name: "approval", handler: approval }]);
  session = await openSession();
  routes = {
    succeed: (await import("./succeed/route")).POST,
    fail: (await import("./fail/route")).POST,
    heartbeat: (await import("./heartbeat/route")).POST,
  };
});

afterAll(async () => {
  await t.stop();
});

afterEach(() => {
  delete process.env.DURABLE_LENS_READ_ONLY;
});

async function waiting(name: string) {
  const arn = await startAsync(t.client, "approval", name);
  const cb = await openCallback(t.client, arn);
  return { arn, callbackId: cb.callbackId };
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe("callback routes", () => {
  it("completes a callback with a JSON result, and the execution carries on with it", async () => {
    const { arn, callbackId } = await waiting("succeed-1");
    const response = await routes.succeed(post("/api/callbacks/succeed", { callbackId, result: '{"approved":true}' }, session));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ callbackId, action: "succeed", sentAt: expect.any(String) });
    const done = await settled(t.client, arn, "SUCCEEDED");
    expect(JSON.parse(done.Result!)).toEqual({ answer: '{"approved":true}' });
  });

  it("fails a callback with every field of the error", async () => {
    const { arn, callbackId } = await waiting("fail-1");
    const error = { ErrorType: "Rejected", ErrorMessage: "Over budget", ErrorData: '{"limit":50}', StackTrace: ["at review", "", "at approve"] };
    const response = await routes.fail(post("/api/callbacks/fail", { callbackId, error }, session));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ callbackId, action: "fail" });
    const done = await settled(t.client, arn, "SUCCEEDED");
    expect(JSON.parse(done.Result!)).toEqual({ failed: "Over budget" });
  });

  it("sends a heartbeat and leaves the callback waiting", async () => {
    const { arn, callbackId } = await waiting("beat-1");
    const response = await routes.heartbeat(post("/api/callbacks/heartbeat", { callbackId }, session));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ callbackId, action: "heartbeat" });
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
    expect((await openCallback(t.client, arn)).callbackId).toBe(callbackId);
  });

  it("says clearly when the callback id is unknown, or the callback was already answered", async () => {
    const { callbackId } = await waiting("twice-1");
    expect((await routes.succeed(post("/api/callbacks/succeed", { callbackId, result: "1" }, session))).status).toBe(200);
    const again = await routes.succeed(post("/api/callbacks/succeed", { callbackId, result: "2" }, session));
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: "CallbackClosed", message: expect.stringContaining("can no longer be answered") });

    const unknown = await routes.heartbeat(post("/api/callbacks/heartbeat", { callbackId: "bm90LWEtY2FsbGJhY2s=" }, session));
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toMatchObject({ code: "CallbackNotFound", message: expect.stringContaining("No callback with this id is waiting") });
  });

  it("validates the body with messages naming the field", async () => {
    const { arn, callbackId } = await waiting("invalid-1");
    const cases: [typeof routes.succeed, string, unknown, RegExp][] = [
      [routes.succeed, "succeed", { callbackId, result: "{approved: true}" }, /^Invalid field "result": must be valid JSON \(line 1, column 2/],
      [routes.succeed, "succeed", { result: "1" }, /^Invalid field "callbackId": /],
      [routes.succeed, "succeed", { callbackId: "not a callback id!", result: "1" }, /^Invalid field "callbackId": must be a callback id/],
      [routes.succeed, "succeed", { callbackId, result: 1 }, /^Invalid field "result": must be a string/],
      [routes.fail, "fail", { callbackId, error: { ErrorMessage: 5 } }, /^Invalid field "error.ErrorMessage": must be a string/],
      [routes.fail, "fail", { callbackId, error: { StackTrace: "at x" } }, /^Invalid field "error.StackTrace": must be a list of strings/],
      [routes.fail, "fail", { callbackId, error: { Message: "typo" } }, /^Invalid field "error.Message": is not a field of this request/],
      [routes.heartbeat, "heartbeat", [callbackId], /^Invalid request body: must be a JSON object/],
    ];
    for (const [route, path, body, message] of cases) {
      const response = await route(post(`/api/callbacks/${path}`, body, session));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(String((await json(response)).message)).toMatch(message);
    }
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });

  it("refuses a body that is not JSON, or not labelled JSON", async () => {
    const { arn, callbackId } = await waiting("notjson-1");
    const broken = await routes.succeed(post("/api/callbacks/succeed", undefined, session, { rawBody: `{"callbackId":"${callbackId}",` }));
    expect(broken.status).toBe(400);
    expect(await json(broken)).toMatchObject({ code: "InvalidJson", message: expect.stringMatching(/^The request body is not valid JSON \(line 1/) });
    const form = await routes.succeed(post("/api/callbacks/succeed", undefined, session, { rawBody: `callbackId=${callbackId}`, contentType: "application/x-www-form-urlencoded" }));
    expect(form.status).toBe(415);
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });

  it("refuses a result over 256 KB before calling Lambda, naming the field", async () => {
    const { arn, callbackId } = await waiting("big-1");
    const result = JSON.stringify("x".repeat(256 * 1024));
    const response = await routes.succeed(post("/api/callbacks/succeed", { callbackId, result }, session));
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ code: "PayloadTooLarge", message: expect.stringMatching(/^"result" is 256 KB \(262,146 bytes\); Lambda accepts at most 256 KB/) });
    const huge = await routes.succeed(post("/api/callbacks/succeed", { callbackId, result: JSON.stringify("y".repeat(700 * 1024)) }, session));
    expect(huge.status).toBe(413);
    expect(await json(huge)).toMatchObject({ message: expect.stringContaining("The request body is larger than") });
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });

  it("refuses cross-origin requests, and requests without a valid CSRF token", async () => {
    const { arn, callbackId } = await waiting("csrf-1");
    const body = { callbackId, result: "true" };
    const refusals: [Parameters<typeof post>[3], number, string][] = [
      [{ origin: "https://evil.example" }, 403, "CrossOriginRefused"],
      [{ origin: "null" }, 403, "CrossOriginRefused"],
      [{ origin: null }, 403, "CrossOriginRefused"],
      [{ token: null }, 403, "CsrfTokenMissing"],
      [{ cookie: null }, 403, "CsrfTokenMissing"],
      [{ token: "forged.token" }, 403, "CsrfTokenInvalid"],
      [{ token: "forged.token", cookie: "durable-lens-csrf=forged.token" }, 403, "CsrfTokenInvalid"],
    ];
    for (const [options, status, code] of refusals) {
      const response = await routes.succeed(post("/api/callbacks/succeed", body, session, options));
      expect(response.status, JSON.stringify(options)).toBe(status);
      expect((await json(response)).code).toBe(code);
    }
    const other = await openSession();
    const mixed = await routes.succeed(post("/api/callbacks/succeed", body, session, { cookie: other.cookie }));
    expect((await json(mixed)).code).toBe("CsrfTokenInvalid");
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });

  it("accepts a same-origin request without Origin when Sec-Fetch-Site says same-origin", async () => {
    const { callbackId } = await waiting("fetchsite-1");
    const request = post("/api/callbacks/heartbeat", { callbackId }, session, { origin: null });
    request.headers.set("sec-fetch-site", "same-origin");
    expect((await routes.heartbeat(request)).status).toBe(200);
  });

  it("refuses every callback action in read-only mode", async () => {
    const { arn, callbackId } = await waiting("readonly-1");
    process.env.DURABLE_LENS_READ_ONLY = "true";
    for (const [route, path, body] of [
      [routes.succeed, "succeed", { callbackId, result: "1" }],
      [routes.fail, "fail", { callbackId }],
      [routes.heartbeat, "heartbeat", { callbackId }],
    ] as const) {
      const response = await route(post(`/api/callbacks/${path}`, body, session));
      expect(response.status).toBe(403);
      expect(await json(response)).toMatchObject({ code: "ReadOnly", message: expect.stringContaining("read-only mode") });
    }
    expect(await statusOf(t.client, arn)).toBe("RUNNING");
  });
});
