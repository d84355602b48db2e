// What a web page in Chromium can do to the local service it cannot see: a no-cors text/plain
// POST from another site (no execution may start) and a read from a page whose DNS name was
// rebound to 127.0.0.1 (nothing may be read). Chromium's own network guards are turned off
// so that what is tested is the service's refusal, which older and other browsers rely on.
import { chromium, expect, test, type Browser } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const SERVICE_PORT = Number(process.env.E2E_SERVICE_PORT ?? 9114);
const SERVICE = `http://127.0.0.1:${SERVICE_PORT}`;
const REBOUND = `http://rebind.test:${SERVICE_PORT}`;
const INVOKE = "/2015-03-31/functions/order-processor/invocations";

let browser: Browser;
let attacker: Server;
let attackerOrigin: string;

/** Executions of order-processor, read as a program on this machine reads them (no Origin). */
async function executionCount(): Promise<number> {
  const res = await fetch(`${SERVICE}/2025-12-01/functions/order-processor/durable-executions?MaxItems=1000`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { DurableExecutions: unknown[] }).DurableExecutions.length;
}

test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      `--host-resolver-rules=MAP rebind.test 127.0.0.1`,
      "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks",
    ],
  });
  // Another site on this machine: "localhost" and "127.0.0.1" are different sites.
  attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>another site</title>"));
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

test("a no-cors text/plain POST from another site starts no execution", async () => {
  const page = await browser.newPage();
  await page.goto(`${attackerOrigin}/`);
  const before = await executionCount();
  const answered = page.waitForResponse((r) => r.url() === `${SERVICE}${INVOKE}`);
  const kind = await page.evaluate(async (url) => {
    const res = await fetch(url, { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: '{"orderId":"from-another-site"}' });
    return res.type;
  }, `${SERVICE}${INVOKE}`);
  expect(kind).toBe("opaque");
  // The request reached the service, which refused it (the page sees none of this: the
  // response is opaque to it; its message is checked with raw HTTP in request-guard.test.ts).
  expect((await answered).status()).toBe(403);
  expect(await executionCount()).toBe(before);
  await page.close();
});

test("a page on a DNS name rebound to 127.0.0.1 reads nothing", async () => {
  const page = await browser.newPage();
  // The rebound page as the attacker's server first served it; after that, its name resolves to 127.0.0.1.
  const html = "<!doctype html><title>rebound</title>";
  await page.route(`${REBOUND}/`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.route(`${SERVICE}/`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  const read = () =>
    page.evaluate(async () => {
      const res = await fetch("/2015-03-31/functions");
      return { status: res.status, body: await res.text() };
    });

  await page.goto(`${REBOUND}/`);
  const stolen = await read();
  expect(stolen.status).toBe(403);
  expect(stolen.body).toMatch(/Host \\"rebind\.test:\d+\\" is not a name of this local service/);
  expect(stolen.body).not.toContain("order-processor");

  // The same same-origin read under the service's own name is answered: the refusal above is the Host's.
  await page.goto(`${SERVICE}/`);
  const own = await read();
  expect(own.status).toBe(200);
  expect(own.body).toContain("order-processor");
  await page.close();
});
