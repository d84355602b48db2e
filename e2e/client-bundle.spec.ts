// No credential or secret reaches anything a browser can load. The built client (.next/static and
// public/) is scanned from disk, and an app of this spec's own, started with AWS credentials in its
// environment (fake, random, actually used: it targets "aws" with the Lambda endpoint pointed at
// the shared local service, so every call is signed with them) and with a CSRF secret this spec
// knows, is browsed through its pages while every response (HTML, scripts, JSON, headers), the
// cookies scripts can read and the page's storage are collected and scanned.
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { seededArn } from "./seeded";
import { ROOT, freePort, spawnApp, waitForUrl, type Spawned } from "./spawned";

/** The app of this spec's own, on a free port chosen in beforeAll. */
let APP = "";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const randomOf = (alphabet: string, n: number) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");

/** Credentials shaped like real ones, so the patterns below would catch them too, and unique to this run. */
const FAKE_ENV = {
  AWS_ACCESS_KEY_ID: `AKIA${randomOf(ALNUM, 16)}`,
  AWS_SECRET_ACCESS_KEY: randomBytes(30).toString("base64"),
  AWS_SESSION_TOKEN: randomBytes(96).toString("base64"),
};
const CSRF_SECRET = randomBytes(32);

/** Shapes of secrets, whoever they belong to. */
const SECRET_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ["an AWS access key id", /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/],
  ['a 40-character secret key next to "secret"', /secret[\s\S]{0,48}?(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i],
  ["aws_secret_access_key", /aws_secret_access_key/i],
  ["a private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
];

/**
 * Strings only server-side modules hold: the credential providers of @aws-sdk/client-lambda's
 * Node build (its browser build, which the in-browser runtime may load, has none), the holder of
 * the CSRF secret and the local service's store. Each is checked to be in node_modules or lib/
 * below, so a renamed string cannot make this pass by accident.
 */
const SERVER_ONLY: ReadonlyArray<readonly [string, string, string]> = [
  ["the credential provider chain", "Could not load credentials from any providers", "node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js"],
  ["the environment credential provider", "AWS_SECRET_ACCESS_KEY", "node_modules/@aws-sdk/credential-provider-env/dist-cjs/index.js"],
  ["the shared config file credential provider", "credential_process", "node_modules/@aws-sdk/credential-provider-ini/dist-cjs/index.js"],
  ["the SSO credential provider", "sso_start_url", "node_modules/@aws-sdk/credential-provider-sso/dist-cjs/index.js"],
  ["the container credential provider", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "node_modules/@aws-sdk/credential-provider-http/dist-cjs/index.js"],
  ["the web identity credential provider", "AWS_WEB_IDENTITY_TOKEN_FILE", "node_modules/@aws-sdk/credential-provider-web-identity/dist-cjs/index.js"],
  ["lib/csrf.ts, which holds the CSRF secret", "__durableLensCsrfSecret", "lib/csrf.ts"],
];

/** Values of secret-holding AWS_* / DURABLE_LENS_* variables: the spawned app's and this run's own. */
function secretValues(env: Record<string, string | undefined>): Array<[string, string]> {
  return Object.entries(env)
    .filter(([name, value]) => /^(AWS_|DURABLE_LENS_)/.test(name) && /SECRET|TOKEN|KEY|PASSWORD|CREDENTIAL/.test(name) && value && value.length >= 8)
    .map(([name, value]) => [name, value!]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface Finding {
  where: string;
  what: string;
}

/** Everything found in `text`: a secret's shape, a known secret's value (in any usual encoding), or a server-only module. */
function scan(where: string, text: string, known: ReadonlyArray<readonly [string, string]>): Finding[] {
  const found: Finding[] = [];
  for (const [what, pattern] of SECRET_PATTERNS) {
    const m = pattern.exec(text);
    if (m) found.push({ where, what: `${what}: …${text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)}…` });
  }
  for (const [name, value] of known) {
    if (text.includes(value)) found.push({ where, what: `the value of ${name}` });
  }
  for (const [what, marker] of SERVER_ONLY) {
    if (text.includes(marker)) found.push({ where, what: `${what} (${JSON.stringify(marker)})` });
  }
  return found;
}

let app: Spawned | undefined;
let tmp: string;
let sharedService: string;

test.beforeAll(async ({ request }) => {
  test.setTimeout(90_000);
  // The shared local service of playwright.config.ts, as the shared app reports it.
  sharedService = ((await (await request.get("/api/target")).json()) as { endpoint: string }).endpoint;
  tmp = mkdtempSync(join(tmpdir(), "durable-lens-secrets-"));
  // lib/csrf.ts keeps its secret on globalThis, one per process; preset, the spec knows it.
  const preload = join(tmp, "csrf-secret.mjs");
  writeFileSync(preload, `globalThis.__durableLensCsrfSecret = Buffer.from(${JSON.stringify(CSRF_SECRET.toString("hex"))}, "hex");\n`);
  const appPort = await freePort();
  APP = `http://127.0.0.1:${appPort}`;
  app = spawnApp(appPort, {
    ...FAKE_ENV,
    DURABLE_LENS_TARGET: "aws",
    AWS_REGION: "us-east-1",
    AWS_PROFILE: "",
    AWS_ENDPOINT_URL_LAMBDA: sharedService,
    AWS_EC2_METADATA_DISABLED: "true",
    NODE_OPTIONS: `--import ${pathToFileURL(preload).href}`,
  });
  await waitForUrl(`${APP}/open`, app);
});

test.afterAll(async () => {
  await app?.kill();
  rmSync(tmp, { recursive: true, force: true });
});

test("the markers of server-only modules are real, so their absence below means something", () => {
  for (const [what, marker, file] of SERVER_ONLY) {
    expect(readFileSync(join(ROOT, file), "utf8"), `${what} in ${file}`).toContain(marker);
  }
});

test("the scan finds each kind of secret it looks for", () => {
  const planted = [
    `key=${FAKE_ENV.AWS_ACCESS_KEY_ID.replace(/^AKIA/, "ASIA")}`,
    `{"secretKey":"${"a1B2c3D4/e5F6g7H8+i9J0".repeat(2).slice(0, 40)}"}`,
    "[default]\naws_secret_access_key = x",
    "-----BEGIN RSA PRIVATE KEY-----",
    `token ${FAKE_ENV.AWS_SESSION_TOKEN}`,
    "globalThis.__durableLensCsrfSecret",
  ];
  const known = secretValues(FAKE_ENV);
  for (const text of planted) expect(scan("sample", text, known), text).not.toEqual([]);
  expect(scan("sample", "secretAccessKey: credentials.secretAccessKey, region", known)).toEqual([]);
});

test("no credential, secret or server-only module in the built client or in anything the pages load", async ({ browser }) => {
  test.setTimeout(90_000);
  const api = await playwrightRequest.newContext({ baseURL: APP });
  const order = await seededArn(api, "order-processor", "order-1001", "SUCCEEDED");
  const expense = await seededArn(api, "expense-approval", "expense-4001", "RUNNING");
  await api.dispose();

  const context = await browser.newContext({ baseURL: APP });
  const page = await context.newPage();
  const bodies = new Map<string, string>();
  const pending: Array<Promise<void>> = [];
  page.on("response", (response) => {
    if (!response.url().startsWith(APP)) return;
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        // A redirect or a cancelled request has no body; its headers still count.
        const body = await response.body().then((b) => b.toString("latin1"), () => "");
        const key = `${response.request().method()} ${response.url().slice(APP.length)}`;
        bodies.set(key, `${bodies.get(key) ?? ""}\n${headers}\n${body}`);
      })(),
    );
  });

  // The app really runs on the credentials: it targets AWS and lists what the service holds.
  await page.goto("/");
  await expect(page.getByTestId("target-indicator")).toHaveAttribute("data-target", "aws");
  await expect(page.getByTestId("function-row").filter({ hasText: "order-processor" })).toBeVisible();
  await page.goto("/functions/order-processor");
  await expect(page.getByTestId("execution-row").filter({ hasText: "order-1001" }).first()).toBeVisible();
  await page.goto(`/executions/${encodeURIComponent(order)}`);
  await expect(page.getByTestId("graph-node").first()).toBeVisible();
  await page.goto(`/executions/${encodeURIComponent(expense)}`);
  await expect(page.getByTestId("execution-actions")).toBeVisible();
  await page.goto("/callbacks?function=expense-approval");
  await expect(page.getByText("manager-approval").first()).toBeVisible();
  await page.goto("/open");
  await expect(page.getByTestId("drop-zone")).toBeVisible();
  await page.waitForLoadState("networkidle");

  // The session's CSRF token is signed with the secret this spec planted: the secret scanned for is the one in use.
  const session = (await (await page.request.get("/api/session")).json()) as { csrfToken: string };
  const [nonce, signature] = session.csrfToken.split(".");
  expect(createHmac("sha256", CSRF_SECRET).update(nonce!).digest("base64url")).toBe(signature);
  // The token itself travels in an HttpOnly cookie: page scripts cannot read it.
  const cookie = (await context.cookies()).find((c) => c.name === "durable-lens-csrf");
  expect(cookie?.httpOnly).toBe(true);
  const scriptReadable = await page.evaluate(() => JSON.stringify({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(scriptReadable).not.toContain(session.csrfToken);
  await Promise.all(pending);

  const apiCalls = [...bodies.keys()].filter((k) => k.startsWith("GET /api/")).map((k) => k.replace(/\?.*$/, ""));
  for (const path of ["/api/target", "/api/health", "/api/functions", "/api/functions/order-processor/executions", `/api/executions/${encodeURIComponent(order)}`]) {
    expect(apiCalls, "the pages called the API routes this scan is meant to cover").toContain(`GET ${path}`);
  }
  expect([...bodies.keys()].some((k) => k.includes("/_next/static/")), "the pages loaded their scripts").toBe(true);

  const known: Array<[string, string]> = [
    ...secretValues({ ...process.env, ...FAKE_ENV }),
    ["the CSRF secret (hex)", CSRF_SECRET.toString("hex")],
    ["the CSRF secret (base64)", CSRF_SECRET.toString("base64")],
    ["the CSRF secret (base64url)", CSRF_SECRET.toString("base64url")],
  ];
  const findings: Finding[] = [];
  const staticFiles = [...filesUnder(join(ROOT, ".next/static")), ...filesUnder(join(ROOT, "public"))];
  expect(staticFiles.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(10);
  for (const file of staticFiles) findings.push(...scan(file.slice(ROOT.length), readFileSync(file, "latin1"), known));
  for (const [request, text] of bodies) findings.push(...scan(request, text, known));
  findings.push(...scan("document.cookie and storage", scriptReadable, known));
  expect(findings).toEqual([]);

  await context.close();
});
