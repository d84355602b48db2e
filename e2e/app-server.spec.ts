// The app server seen from outside, through HTTP against the built app: a host name it does not
// answer to (DNS rebinding) is refused on every request, in raw HTTP and in Chromium; URLs
// whose escapes are not UTF-8 and over-long file names get a 4xx, never a 5xx; a client that
// sends its headers slowly is cut off.
import { request as httpRequest } from "node:http";
import { chromium, expect, test, type Browser } from "@playwright/test";
import { slowHeaders } from "../sdk/src/local/slow-client.test-support";
import { ROOT, freePort, spawnApp, waitForUrl, type Spawned } from "./spawned";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const SERVICE_PORT = Number(process.env.E2E_SERVICE_PORT ?? 9114);

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** One request with exactly this path and Host header (fetch would normalize both). */
function raw(port: number, method: string, path: string, host: string, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...(body !== undefined ? { "content-type": "application/json", origin: `http://${host}` } : {}) };
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}


const FORGED_HOSTS = ["rebind.test", `rebind.test:${APP_PORT}`, "127.0.0.1.nip.io", `localhost.evil.example:${APP_PORT}`, "0.0.0.0", "[::2]"];
const READS = ["/api/session", "/api/functions", "/api/target", "/api/history-files", "/api/health", "/", "/open", "/executions/x"];

test.describe("host allow-list over raw HTTP", () => {
  test("refuses every read and page sent to a host name it does not answer to, with 421 and no token", async () => {
    for (const host of FORGED_HOSTS) {
      for (const path of READS) {
        const answer = await raw(APP_PORT, "GET", path, host);
        expect({ host, path, status: answer.status }).toEqual({ host, path, status: 421 });
        expect(answer.body).toContain("DURABLE_LENS_ALLOWED_HOSTS");
        expect(answer.body).not.toContain("csrfToken");
        expect(answer.body).not.toContain("rebind");
        if (path.startsWith("/api/")) expect(JSON.parse(answer.body)).toMatchObject({ status: 421, code: "HostNotAllowed" });
        else expect(answer.contentType).toMatch(/^text\/plain/);
      }
      const stop = await raw(APP_PORT, "POST", "/api/executions/arn%3Ax/stop", host, "{}");
      expect({ host, status: stop.status }).toEqual({ host, status: 421 });
    }
  });

  test("answers the loopback names it is opened by", async () => {
    for (const host of [`127.0.0.1:${APP_PORT}`, `localhost:${APP_PORT}`, `[::1]:${APP_PORT}`]) {
      const session = await raw(APP_PORT, "GET", "/api/session", host);
      expect({ host, status: session.status }).toEqual({ host, status: 200 });
      expect(JSON.parse(session.body)).toHaveProperty("csrfToken");
      expect((await raw(APP_PORT, "GET", "/", host)).status).toBe(200);
    }
  });
});

test.describe("no 5xx on bad URLs", () => {
  const DYNAMIC = [
    "/api/executions/{}",
    "/api/executions/{}/stop",
    "/api/executions/{}/parent",
    "/api/functions/{}/executions",
    "/api/functions/{}/counts",
    "/api/functions/{}/callbacks",
    "/api/functions/{}/handler-bundle",
    "/api/functions/{}/start",
    "/api/history-files/{}",
    "/executions/{}",
    "/executions/{}/simulate",
    "/functions/{}",
    "/functions/{}/check",
  ];
  const BAD = ["%FF", "%C0%AE", "%E2%9C", "a%ED%A0%80b", "%", "%G0", "%FF.json"];

  test("answers undecodable escapes in every dynamic segment with 400, JSON under /api", async () => {
    const host = `127.0.0.1:${APP_PORT}`;
    for (const template of DYNAMIC) {
      for (const segment of BAD) {
        const path = template.replace("{}", segment);
        for (const method of ["GET", "POST"]) {
          const answer = await raw(APP_PORT, method, path, host, method === "POST" ? "{}" : undefined);
          expect({ method, path, status: answer.status }).toEqual({ method, path, status: 400 });
          if (path.startsWith("/api/")) expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: "InvalidUrl" });
        }
      }
    }
  });

  test("answers a history file name past 255 characters with 400 naming the limit, not a path", async () => {
    for (const length of [251, 256, 1000]) {
      const answer = await raw(APP_PORT, "GET", `/api/history-files/${"a".repeat(length)}.json`, `127.0.0.1:${APP_PORT}`);
      expect({ length, status: answer.status }).toEqual({ length, status: 400 });
      const body = JSON.parse(answer.body) as { code: string; message: string };
      expect(body.code).toBe("InvalidFileName");
      expect(body.message).toMatch(/255/);
      expect(body.message).not.toContain(ROOT);
      expect(body.message).not.toMatch(/ENAMETOOLONG|\/e2e\//);
    }
    // Valid names still work, and the listing names the folder as configured, not its absolute path.
    const list = JSON.parse((await raw(APP_PORT, "GET", "/api/history-files", `127.0.0.1:${APP_PORT}`)).body) as { directory: string };
    expect(list.directory).toBe("e2e/fixtures/test-runs");
  });
});

test.describe("the production server (scripts/serve.mjs)", () => {
  let app: Spawned | undefined;
  let port = 0;
  let browser: Browser | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    port = await freePort();
    app = spawnApp(port, {
      DURABLE_LENS_LOCAL_ENDPOINT: `http://127.0.0.1:${SERVICE_PORT}`,
      DURABLE_LENS_HEADERS_TIMEOUT_MS: "1000",
      DURABLE_LENS_REQUEST_TIMEOUT_MS: "2000",
    });
    await waitForUrl(`http://127.0.0.1:${port}/api/target`, app, 90_000);
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      // Chromium's own guard (Local Network Access) would stop a public page's fetch to 127.0.0.1
      // before it reached the app; other browsers have none, so it is off: the app must refuse.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--host-resolver-rules=MAP rebind.test 127.0.0.1",
        "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults",
      ],
    });
  });

  test.afterAll(async () => {
    await browser?.close();
    await app?.kill();
  });

  /** What a page served as http://rebind.test:<port> (an attacker's, before the name was rebound) reads from this app. */
  async function rebindingPageReads(appPort: number): Promise<Array<{ path: string; status: number; body: string }>> {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const origin = `http://rebind.test:${appPort}`;
    // The attacker's own page: served for the document only; its fetches go to the network,
    // where rebind.test now resolves to 127.0.0.1.
    await page.route(`${origin}/`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>attacker</title>" }));
    await page.goto(`${origin}/`);
    const reads = await page.evaluate(async () => {
      const out: Array<{ path: string; status: number; body: string }> = [];
      for (const path of ["/api/session", "/api/functions", "/api/history-files", "/api/functions/x/executions"]) {
        const response = await fetch(path);
        out.push({ path, status: response.status, body: await response.text() });
      }
      return out;
    });
    await context.close();
    return reads;
  }

  test("a rebinding page in Chromium reads no token, no executions and no folder", async () => {
    const reads = await rebindingPageReads(port);
    expect(reads.map((r) => [r.path, r.status])).toEqual([
      ["/api/session", 421],
      ["/api/functions", 421],
      ["/api/history-files", 421],
      ["/api/functions/x/executions", 421],
    ]);
    for (const r of reads) expect(r.body).not.toMatch(/csrfToken|functionName|directory/);
  });

  test("the same page reads the app once its name is allowed (the check, not the test, refused it)", async () => {
    test.setTimeout(120_000); // it starts an app of its own
    const allowedPort = await freePort();
    const allowed = spawnApp(allowedPort, { DURABLE_LENS_LOCAL_ENDPOINT: `http://127.0.0.1:${SERVICE_PORT}`, DURABLE_LENS_ALLOWED_HOSTS: "rebind.test" });
    try {
      await waitForUrl(`http://127.0.0.1:${allowedPort}/api/target`, allowed, 90_000);
      const reads = await rebindingPageReads(allowedPort);
      expect(reads[0]).toMatchObject({ path: "/api/session", status: 200 });
      expect(reads[0]!.body).toContain("csrfToken");
    } finally {
      await allowed.kill();
    }
  });

  test("closes connections that send their headers slowly, and still serves others", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => slowHeaders(port, { everyMs: 200, giveUpMs: 30_000 })));
    expect(results.map((r) => r.closed)).toEqual([true, true, true, true, true]);
    expect((await raw(port, "GET", "/api/target", `127.0.0.1:${port}`)).status).toBe(200);
  });
});
