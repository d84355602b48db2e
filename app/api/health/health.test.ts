// GET /api/health against a real in-process local service, then with it gone; and the rule that
// any answer, an error one included, means the service is there.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkHealth, isHealthResponse, type HealthResponse } from "./health";
import { startRouteTestService, type RouteTestService } from "../route-test-support";

vi.mock("server-only", () => ({}));

const local = { target: "local" as const, region: "us-east-1", endpoint: "http://127.0.0.1:1" };
const refused = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }));

describe("checkHealth", () => {
  it("counts an error answer as answering: the service is there, only unhappy", async () => {
    const denied = Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
    const health = await checkHealth(() => Promise.reject(denied), { target: "aws", region: "eu-west-1" });
    expect(health).toMatchObject({ answering: true, target: "aws", service: "AWS Lambda in eu-west-1" });
    expect(health.message).toBeUndefined();
  });

  it("says a refused connection is not answering, naming the endpoint", async () => {
    const health = await checkHealth(refused, local);
    expect(health).toMatchObject({ answering: false, service: "http://127.0.0.1:1" });
    expect(health.message).toContain("http://127.0.0.1:1");
  });

  it("gives up on a call that hangs, even one that ignores the abort signal", async () => {
    const health = await checkHealth(() => new Promise(() => undefined), local, 50);
    expect(health).toMatchObject({ answering: false, message: "No answer within 0.05 s." });
  });

  it("recognises its own bodies and not an error body", () => {
    expect(isHealthResponse({ answering: false, target: "local", service: "x", checkedAt: "" })).toBe(true);
    expect(isHealthResponse({ status: 500, code: "ConfigError", message: "bad" })).toBe(false);
  });
});

describe("GET /api/health", () => {
  let t: RouteTestService;
  let GET: () => Promise<Response>;

  beforeAll(async () => {
    t = await startRouteTestService([]);
    ({ GET } = await import("./route"));
  });
  afterAll(async () => {
    await t.stop().catch(() => undefined);
  });

  it("answers 200 while the service answers and 503 with the endpoint once it is gone", async () => {
    const up = await GET();
    expect(up.status).toBe(200);
    expect(up.headers.get("cache-control")).toBe("no-store");
    const upBody = (await up.json()) as HealthResponse;
    expect(upBody).toMatchObject({ answering: true, target: "local", service: t.service.endpoint });

    await t.stop();
    const down = await GET();
    expect(down.status).toBe(503);
    const downBody = (await down.json()) as HealthResponse;
    expect(downBody.answering).toBe(false);
    expect(downBody.message).toContain(`not reachable at ${t.service.endpoint}`);
  });
});
