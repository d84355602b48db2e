// What a web page can make a browser send, forged with raw HTTP: a foreign Host (DNS
// rebinding), a foreign Origin, a Sec-Fetch-Site of another site. None may start an execution
// or read one; the clients of this machine (no Origin, the service's own names) keep working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListDurableExecutionsByFunctionCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { startTestService, type TestService } from "./lambda-api.test-support.js";
import { AllowedHostError, RequestGuard } from "./request-guard.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly the headers given (Node adds no Origin; `host` replaces its own). */
function raw(endpoint: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, setHost: !("host" in headers) }, (res) => {
      let text = "";
      res.on("data", (d) => (text += String(d)));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const echo = withDurableExecution(async (input: unknown) => input);
const invokePath = "/2015-03-31/functions/echo/invocations";
/** What a `no-cors` fetch with a text/plain body sends from another site. */
const noCors = (origin: string) => ({ "content-type": "text/plain;charset=UTF-8", origin, "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" });

let t: TestService;
let port: string;
beforeAll(async () => {
  t = await startTestService([{ name: "echo", handler: echo }]);
  port = new URL(t.service.endpoint).port;
});
afterAll(() => t?.stop());

async function executions(): Promise<number> {
  return (await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "echo" }))).DurableExecutions!.length;
}

function expectRefusal(r: RawResponse, why: RegExp): void {
  expect(r.status).toBe(403);
  expect(r.headers["x-amzn-errortype"]).toBe("AccessDeniedException");
  const body = JSON.parse(r.body) as { Type: string; Message: string };
  expect(body.Type).toBe("User");
  expect(body.Message).toMatch(why);
}

describe("the local service refuses what web pages send", () => {
  it("starts no execution from a no-cors text/plain POST of another site, whether it names its Origin or only its Sec-Fetch-Site", async () => {
    const before = await executions();
    expectRefusal(await raw(t.service.endpoint, "POST", invokePath, noCors("https://evil.example"), '{"pwned":true}'), /^Origin "https:\/\/evil\.example" is another site/);
    const { origin: _o, ...siteOnly } = noCors("");
    expectRefusal(await raw(t.service.endpoint, "POST", invokePath, siteOnly, '{"pwned":true}'), /^Sec-Fetch-Site "cross-site"/);
    expectRefusal(await raw(t.service.endpoint, "POST", invokePath, { ...siteOnly, "sec-fetch-site": "same-site" }, "{}"), /^Sec-Fetch-Site "same-site"/);
    // Another port of the same machine is another origin: a local dev server's page is refused too.
    expectRefusal(await raw(t.service.endpoint, "POST", invokePath, { origin: "http://127.0.0.1:3000" }, "{}"), /another site/);
    expectRefusal(await raw(t.service.endpoint, "POST", invokePath, { origin: "null" }, "{}"), /^Origin "null"/);
    expect(await executions()).toBe(before);
  });

  it("answers no read to a Host that is not its own name, as a page on a rebound DNS name sends", async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, "evil.example", `localhost.:${port}`]) {
      const r = await raw(t.service.endpoint, "GET", "/2015-03-31/functions", { host });
      expectRefusal(r, /is not a name of this local service \(127\.0\.0\.1, localhost, \[::1\]\)/);
      expect(r.body).not.toContain("echo");
    }
    expectRefusal(await raw(t.service.endpoint, "GET", "/health", { host: "rebind.example" }), /^Host "rebind\.example"/);
  });

  it("takes requests of this machine's programs: its loopback names at any port, no Origin, its own origin, a typed-in URL", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, "localhost:8080"]) {
      const r = await raw(t.service.endpoint, "GET", "/2015-03-31/functions", { host });
      expect(r.status, host).toBe(200);
      expect(r.body).toContain("echo");
    }
    expect((await raw(t.service.endpoint, "GET", "/health", { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await raw(t.service.endpoint, "GET", "/health", { "sec-fetch-site": "none" })).status).toBe(200);
    // The AWS SDK client, as the README's examples use it (it sends no Origin).
    expect((await t.client.send(new ListFunctionsCommand({}))).Functions!.map((f) => f.FunctionName)).toContain("echo");
    const before = await executions();
    const started = await raw(t.service.endpoint, "POST", invokePath, { "x-amz-invocation-type": "Event" }, "{}");
    expect(started.status).toBe(202);
    expect(await executions()).toBe(before + 1);
  });

  it("answers the names the user allows, at any port or at the one given", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "durable-lens-guard-"));
    const service = await LocalDurableService.start({ store: SqliteStore.open(dataDir), allowedHosts: ["host.docker.internal", "lab.example:8443", "fd00::1"] });
    try {
      const ok = async (host: string) => (await raw(service.endpoint, "GET", "/health", { host })).status;
      expect(await ok("host.docker.internal:9999")).toBe(200);
      expect(await ok("lab.example:8443")).toBe(200);
      expect(await ok("[fd00::1]:1")).toBe(200);
      expect(await ok("lab.example:8444")).toBe(403);
      expect(await ok("other.example:8443")).toBe(403);
      expect(() => new RequestGuard({ bindHost: "127.0.0.1", allowedHosts: ["http://lab.example/"] })).toThrow(AllowedHostError);
    } finally {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
