// Bad input against every route handler under app/api, called as Next calls them, against a real
// local durable service: mutations without the same-origin and CSRF proof or in read-only mode,
// bodies of the wrong content type, every field with every wrong type and bad value, a seeded
// random mutator, bodies past each route's limit, invalid UTF-8, and bad names, ARNs, query
// parameters and file names in the path. Each must be a 4xx in the app's error shape whose
// message names the problem; none a 5xx, and none may change an execution or a file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "@durable-lens/sdk";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { storeSnapshot } from "../../sdk/src/local/fuzz-api.test-support";
import { fuzzSeed, randomCases, seededRandom, tableCases, withInvalidUtf8, type BodyCase, type FieldSpec } from "../../sdk/src/local/fuzz.test-support";
import { appRefusalProblem, appRequest, type Session, type Spoil } from "./fuzz-routes.test-support";
import { openCallback, openSession, startAsync, startRouteTestService, type RouteTestService } from "./route-test-support";

vi.mock("server-only", () => ({}));

const rnd = seededRandom(fuzzSeed("app routes"));

const approval = withDurableExecution(async (_e: unknown, ctx) => ctx.waitForCallback("approval", async () => {}));
const quick = withDurableExecution(async (_e: unknown, ctx) => ctx.step("only", async () => "finished"));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handlers: Record<string, Handler> = {};

let t: RouteTestService;
let session: Session;
let done: string;
let waiting: string;
let waitingCallback: string;
let historyDir: string;
let before: unknown;

const enc = encodeURIComponent;
const KiB = 1024;
const MiB = 1024 * KiB;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The folder of history files, as the route may see it: the files and their bytes. */
function historyFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(historyDir).map((f) => [f, f.endsWith(".json") && !f.startsWith("link") ? readFileSync(join(historyDir, f), "utf8") : ""]));
}

beforeAll(async () => {
  t = await startRouteTestService([
    { name: "approval", handler: approval },
    { name: "quick", handler: quick },
  ]);
  const root = mkdtempSync(join(tmpdir(), "durable-lens-fuzz-routes-"));
  historyDir = join(root, "runs");
  mkdirSync(historyDir);
  writeFileSync(join(root, "secret.json"), '{"Events":[]}');
  writeFileSync(join(historyDir, "run_SUCCEEDED.json"), '{"Events":[]}');
  symlinkSync(join(root, "secret.json"), join(historyDir, "link.json"));
  process.env.DURABLE_LENS_HISTORY_DIR = historyDir;

  session = await openSession();
  const modules = {
    succeed: import("./callbacks/succeed/route"),
    fail: import("./callbacks/fail/route"),
    heartbeat: import("./callbacks/heartbeat/route"),
    stop: import("./executions/[arn]/stop/route"),
    bulkStop: import("./executions/bulk-stop/route"),
    start: import("./functions/[name]/start/route"),
  };
  for (const [k, m] of Object.entries(modules)) handlers[k] = (await m).POST as Handler;
  handlers.execution = (await import("./executions/[arn]/route")).GET as Handler;
  handlers.parent = (await import("./executions/[arn]/parent/route")).GET as Handler;
  handlers.inbox = (await import("./functions/[name]/callbacks/route")).GET as Handler;
  handlers.counts = (await import("./functions/[name]/counts/route")).GET as Handler;
  handlers.executions = (await import("./functions/[name]/executions/route")).GET as unknown as Handler;
  handlers.bundle = (await import("./functions/[name]/handler-bundle/route")).GET as Handler;
  handlers.historyFile = (await import("./history-files/[name]/route")).GET as Handler;

  done = (await t.client.send(new InvokeCommand({ FunctionName: "quick", Payload: "{}" }))).DurableExecutionArn!;
  waiting = await startAsync(t.client, "approval", "fz-waiting");
  waitingCallback = (await openCallback(t.client, waiting)).callbackId;
  // The invocations write their InvocationCompleted after the answers above; the snapshot waits for them.
  await t.service.engine.idle();
  before = { store: await storeSnapshot(t.client), files: historyFiles() };
}, 30_000);

afterAll(async () => {
  delete process.env.DURABLE_LENS_HISTORY_DIR;
  delete process.env.DURABLE_LENS_READ_ONLY;
  await t?.stop();
  rmSync(join(historyDir, ".."), { recursive: true, force: true });
});

const counts: Record<string, number> = {};
afterAll(() => console.log(`[fuzz] app route cases: ${JSON.stringify(counts)}, total ${Object.values(counts).reduce((a, b) => a + b, 0)}`));

interface Case {
  label: string;
  send: () => Promise<Response>;
  names: RegExp;
}

/** Sends every case, collecting those not refused as they should be; then checks that nothing changed. */
async function refuseAll(group: string, cases: readonly Case[]): Promise<string[]> {
  counts[group] = (counts[group] ?? 0) + cases.length;
  const problems: string[] = [];
  for (const c of cases) {
    try {
      const problem = await appRefusalProblem(c.label, await c.send(), c.names);
      if (problem) problems.push(problem);
    } catch (e) {
      problems.push(`${c.label}: the handler threw: ${(e as Error).stack}`);
    }
  }
  expect({ store: await storeSnapshot(t.client), files: historyFiles() }).toEqual(before);
  return problems;
}

const params = (values: Record<string, string>) => ({ params: Promise.resolve(values) });

/** A mutating route with a request that would go through, and what each field of its body may be. */
interface Mutation {
  name: string;
  path: string;
  body: Record<string, unknown>;
  fields: FieldSpec[];
  /** The most the route reads before refusing with 413. */
  limit: number;
  call(request: Request): Promise<Response>;
}

const CALLBACK_ID_BAD = ["", "not base64!", "A".repeat(1025), "..%2F..%2Fetc", "\u0000", "abc==="];
const errorFields = (strictKeys: "full" | "stop"): FieldSpec[] => [
  { path: ["error"], type: "object", badValues: [{ Unknown: "x" }] },
  { path: ["error", "ErrorType"], type: "string" },
  { path: ["error", "ErrorMessage"], type: "string" },
  ...(strictKeys === "full"
    ? ([
        { path: ["error", "ErrorData"], type: "string" },
        { path: ["error", "StackTrace"], type: "string[]" },
      ] satisfies FieldSpec[])
    : ([{ path: ["error", "ErrorData"], type: "string", badValues: ["data a stop does not record"] }] satisfies FieldSpec[])),
];

function mutations(): Mutation[] {
  const limit = (payload: number) => payload * 2 + 64 * KiB;
  return [
    {
      name: "callbacks/succeed",
      path: "/api/callbacks/succeed",
      body: { callbackId: waitingCallback, result: '"ok"' },
      fields: [
        { path: ["callbackId"], type: "string", required: true, badValues: CALLBACK_ID_BAD },
        { path: ["result"], type: "string", badValues: ["{nope", "'single'", JSON.stringify("x".repeat(256 * KiB))] },
        { path: ["unexpected"], type: "string", badValues: ["x"] },
      ],
      limit: limit(256 * KiB),
      call: (r) => handlers.succeed!(r, params({})),
    },
    {
      name: "callbacks/fail",
      path: "/api/callbacks/fail",
      body: { callbackId: waitingCallback, error: { ErrorType: "T", ErrorMessage: "m", ErrorData: "{}", StackTrace: ["at f"] } },
      fields: [{ path: ["callbackId"], type: "string", required: true, badValues: CALLBACK_ID_BAD }, ...errorFields("full")],
      limit: limit(256 * KiB),
      call: (r) => handlers.fail!(r, params({})),
    },
    {
      name: "callbacks/heartbeat",
      path: "/api/callbacks/heartbeat",
      body: { callbackId: waitingCallback },
      fields: [{ path: ["callbackId"], type: "string", required: true, badValues: CALLBACK_ID_BAD }],
      limit: 4 * KiB,
      call: (r) => handlers.heartbeat!(r, params({})),
    },
    {
      name: "executions/{arn}/stop",
      path: `/api/executions/${enc(waiting)}/stop`,
      body: { error: { ErrorType: "T", ErrorMessage: "m" } },
      // Lambda's bound is on the whole error, so a refusal of one long member names "error".
      fields: [...errorFields("stop"), { path: ["error", "ErrorMessage"], type: "string", badValues: ["x".repeat(300 * KiB)], names: /"error" is 300 KB/ }],
      limit: limit(256 * KiB),
      call: (r) => handlers.stop!(r, params({ arn: enc(waiting) })),
    },
    {
      name: "executions/bulk-stop",
      path: "/api/executions/bulk-stop",
      body: { arns: [waiting], error: { ErrorType: "T", ErrorMessage: "m" } },
      fields: [
        { path: ["arns"], type: "string[]", required: true, badValues: [[], ["not-an-arn"], [waiting, "arn:aws:lambda:::"], Array(101).fill(waiting), [`${waiting}/..`]] },
        ...errorFields("stop"),
      ],
      limit: limit(256 * KiB),
      call: (r) => handlers.bulkStop!(r, params({})),
    },
    {
      name: "functions/{name}/start",
      path: "/api/functions/approval/start",
      body: { payload: '{"n":1}', executionName: "fz-new", mode: "async", qualifier: "$LATEST" },
      fields: [
        { path: ["payload"], type: "string", badValues: ["{nope", "undefined", JSON.stringify("x".repeat(MiB))] },
        { path: ["executionName"], type: "string", badValues: ["a b", "x".repeat(65), "../x", "\u0000"] },
        { path: ["mode"], type: "string", badValues: ["later", "SYNC", ""] },
        { path: ["qualifier"], type: "string", badValues: ["no way", "..", "\u0000", "x".repeat(129)] },
        { path: ["unexpected"], type: "boolean", badValues: [true] },
      ],
      limit: limit(6 * MiB),
      call: (r) => handlers.start!(r, params({ name: "approval" })),
    },
  ];
}

const TEXT = { invalidJson: /not valid JSON/, notAnObject: /must be a JSON object/, invalidUtf8: /not valid UTF-8/ };

describe("mutating routes refuse requests that do not prove they come from this app", () => {
  it("refuses a missing or foreign Origin, a missing or wrong CSRF token, read-only mode and a body not labelled JSON, even with a valid body", async () => {
    const foreign: [string, Spoil, RegExp][] = [
      ["no Origin", { origin: null }, /no Origin header/],
      ["a foreign Origin", { origin: "https://evil.example" }, /https:\/\/evil\.example may not change executions/],
      ["Origin null", { origin: "null" }, /null may not change executions/],
      ["a malformed Origin", { origin: "not a url" }, /not a url may not change executions/],
      ["another port", { origin: "http://localhost:3001" }, /localhost:3001 may not change executions/],
      ["a look-alike host", { origin: "http://localhost:3000.evil.example" }, /evil\.example may not change executions/],
      ["no Origin, cross-site fetch metadata", { origin: null, headers: { "sec-fetch-site": "cross-site" } }, /no Origin header/],
      ["no CSRF header", { token: null }, /no CSRF token/],
      ["an empty CSRF header", { token: "" }, /no CSRF token/],
      ["no cookie", { cookie: null }, /no CSRF token/],
      ["a cookie without the token", { cookie: "other=1" }, /no CSRF token/],
      ["header and cookie that differ", { token: "a.b" }, /not valid for this session/],
      ["a token this server never issued, in both", { token: "forged.token", cookie: "durable-lens-csrf=forged.token" }, /not valid for this session/],
      ["a huge token", { token: "x".repeat(10_000), cookie: `durable-lens-csrf=${"x".repeat(10_000)}` }, /not valid for this session/],
      ["a text/plain body", { contentType: "text/plain" }, /must be JSON/],
      ["a form body", { contentType: "application/x-www-form-urlencoded" }, /must be JSON/],
      ["a multipart body", { contentType: "multipart/form-data; boundary=x" }, /must be JSON/],
      ["application/jsonp", { contentType: "application/jsonp" }, /must be JSON/],
      ["no Content-Type", { contentType: null }, /must be JSON/],
    ];
    const cases: Case[] = mutations().flatMap((m) =>
      foreign.map(([what, spoil, names]) => ({ label: `${m.name}: ${what}`, send: () => m.call(appRequest("POST", m.path, JSON.stringify(m.body), session, spoil)), names })),
    );
    expect(await refuseAll("origin, CSRF, content type", cases)).toEqual([]);

    process.env.DURABLE_LENS_READ_ONLY = "1";
    try {
      const readOnly = mutations().map((m) => ({ label: `${m.name}: read-only`, send: () => m.call(appRequest("POST", m.path, JSON.stringify(m.body), session)), names: /read-only mode/ }));
      expect(await refuseAll("read-only", readOnly)).toEqual([]);
    } finally {
      delete process.env.DURABLE_LENS_READ_ONLY;
    }
  });
});

/** JSON arrays nested `depth` deep. */
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const toCase = (m: Mutation) => (c: BodyCase) => ({ label: `${m.name}: ${c.label}`, send: () => m.call(appRequest("POST", m.path, c.body, session)), names: c.names });

describe("mutating routes refuse malformed bodies, naming the field", () => {
  it("refuses every field with every wrong type and bad value", async () => {
    const cases = mutations().flatMap((m) => [
      ...tableCases(m.body, m.fields).map(toCase(m)),
      ...[
        { label: "not JSON", body: "{nope", names: TEXT.invalidJson },
        { label: "empty", body: "", names: TEXT.invalidJson },
        { label: "an array", body: JSON.stringify([m.body]), names: TEXT.notAnObject },
        { label: "null", body: "null", names: TEXT.notAnObject },
        { label: "a string", body: '"text"', names: TEXT.notAnObject },
        { label: "deeply nested", body: nested(Math.min(50_000, m.limit / 2 - 16)), names: TEXT.notAnObject },
        { label: "a byte-order mark and garbage", body: "\ufeff{", names: TEXT.invalidJson },
      ].map(toCase(m)),
    ]);
    expect(await refuseAll("field table", cases)).toEqual([]);
  }, 30_000);

  it("refuses random mutations of each valid body", async () => {
    const cases = mutations().flatMap((m) => randomCases(rnd, m.body, m.fields, TEXT, 50).map(toCase(m)));
    expect(await refuseAll("random mutations", cases)).toEqual([]);
  }, 30_000);

  it("refuses bodies past each route's limit, declared or not, and invalid UTF-8", async () => {
    const cases = mutations().flatMap((m) => {
      const over = "x".repeat(m.limit + 1);
      return [
        { label: `${m.name}: ${m.limit + 1} bytes`, send: () => m.call(appRequest("POST", m.path, over, session)), names: /larger than/ },
        {
          label: `${m.name}: ${m.limit + 1} bytes declared as 2`,
          send: () => m.call(appRequest("POST", m.path, over, session, { headers: { "content-length": "2" } })),
          names: /larger than/,
        },
        {
          label: `${m.name}: a declared length past the limit`,
          send: () => m.call(appRequest("POST", m.path, "{}", session, { headers: { "content-length": String(m.limit + 1) } })),
          names: /larger than/,
        },
        { label: `${m.name}: invalid UTF-8`, send: () => m.call(appRequest("POST", m.path, withInvalidUtf8(JSON.stringify(m.body), rnd), session)), names: TEXT.invalidUtf8 },
        {
          label: `${m.name}: an overlong NUL inside a string`,
          send: () => m.call(appRequest("POST", m.path, new Uint8Array([...new TextEncoder().encode('{"x":"'), 0xc0, 0x80, ...new TextEncoder().encode('"}')]), session)),
          names: TEXT.invalidUtf8,
        },
      ];
    });
    expect(await refuseAll("sizes and bytes", cases)).toEqual([]);
  }, 30_000);

  it("refuses answers Lambda will not take: unknown callbacks, finished executions, a name taken with another input", async () => {
    const [succeed, fail, heartbeat, stop, bulk, start] = mutations();
    const body = (m: Mutation, patch: Record<string, unknown>) => JSON.stringify({ ...m.body, ...patch });
    const unknownArn = done.replace(/[0-9a-f-]{36}$/, "00000000-0000-0000-0000-000000000000");
    const cases: Case[] = [
      ...[succeed!, fail!, heartbeat!].map((m) => ({
        label: `${m.name}: an unknown callback id`,
        send: () => m.call(appRequest("POST", m.path, body(m, { callbackId: "dW5rbm93bg==" }), session)),
        names: /No callback with this id.*dW5rbm93bg==/,
      })),
      { label: "stop: a finished execution", send: () => handlers.stop!(appRequest("POST", `/api/executions/${enc(done)}/stop`, "{}", session), params({ arn: enc(done) })), names: /already ended/ },
      { label: "stop: an unknown execution", send: () => handlers.stop!(appRequest("POST", `/api/executions/${enc(unknownArn)}/stop`, "{}", session), params({ arn: enc(unknownArn) })), names: /no such execution/ },
      { label: "start: a name taken with another input", send: () => start!.call(appRequest("POST", start!.path, body(start!, { executionName: "fz-waiting" }), session)), names: /fz-waiting.*already exists/ },
      {
        label: "start: an unknown function",
        send: () => handlers.start!(appRequest("POST", "/api/functions/nope/start", JSON.stringify({ payload: "{}" }), session), params({ name: "nope" })),
        names: /The function nope/,
      },
    ];
    // Bulk stop answers per execution; none of these is running, so none may stop and the call says why for each.
    const response = await bulk!.call(appRequest("POST", bulk!.path, JSON.stringify({ arns: [done, unknownArn] }), session));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stopped: 0, failed: 2, results: [{ ok: false, error: { status: 409 } }, { ok: false, error: { status: 404 } }] });
    counts["Lambda refusals"] = 1;
    expect(await refuseAll("Lambda refusals", cases)).toEqual([]);
  });
});

describe("routes refuse bad names, ARNs, file names and query parameters in the URL", () => {
  it("refuses bad function names on every function route, encoded or not", async () => {
    const invalid: string[] = ["..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "%00", "a%00b", "a\u0000b", "%2F", "x".repeat(171), "fn name", "%FF", "%E0%A4%A", "", "ü", "..\\..\\x", "quick%3A%00"];
    const routes: [string, (name: string) => Promise<Response>][] = [
      ["callbacks", (name) => handlers.inbox!(new Request(`http://localhost:3000/api/functions/x/callbacks`), params({ name }))],
      ["counts", (name) => handlers.counts!(new Request(`http://localhost:3000/api/functions/x/counts`), params({ name }))],
      ["executions", (name) => handlers.executions!(nextRequest("/api/functions/x/executions"), params({ name }))],
      ["handler-bundle", (name) => handlers.bundle!(new Request(`http://localhost:3000/api/functions/x/handler-bundle`), params({ name }))],
      ["start", (name) => handlers.start!(appRequest("POST", "/api/functions/x/start", "{}", session), params({ name }))],
    ];
    const cases: Case[] = routes.flatMap(([route, call]) => [
      ...invalid.map((name) => ({ label: `${route} ${JSON.stringify(name).slice(0, 40)}`, send: () => call(name), names: /Invalid function name/ })),
      { label: `${route} an unknown function`, send: () => call("no-such-fn"), names: /no-such-fn/ },
    ]);
    expect(await refuseAll("function names", cases)).toEqual([]);
  });

  it("refuses bad and unknown ARNs on the execution routes", async () => {
    const malformed = ["not-an-arn", "arn:aws:lambda:::", `${done}/..`, done.replace("durable-execution/", "durable-execution/../../"), `${done}\u0000`, `${done}${"x".repeat(1100)}`, "%FF", "", " "];
    const unknownArn = done.replace(/[0-9a-f-]{36}$/, "00000000-0000-0000-0000-000000000000");
    const routes: [string, (arn: string) => Promise<Response>][] = [
      ["GET execution", (arn) => handlers.execution!(new Request("http://localhost:3000/api/executions/x"), params({ arn }))],
      ["GET parent", (arn) => handlers.parent!(new Request("http://localhost:3000/api/executions/x/parent"), params({ arn }))],
      ["stop", (arn) => handlers.stop!(appRequest("POST", "/api/executions/x/stop", "{}", session), params({ arn }))],
    ];
    const cases: Case[] = routes.flatMap(([route, call]) => [
      ...malformed.flatMap((arn) => [
        { label: `${route} ${JSON.stringify(arn).slice(0, 50)}`, send: () => call(arn), names: /Malformed durable execution ARN/ },
        { label: `${route} ${JSON.stringify(arn).slice(0, 50)} encoded`, send: () => call(enc(arn)), names: /Malformed durable execution ARN/ },
      ]),
      { label: `${route} an unknown execution`, send: () => call(enc(unknownArn)), names: new RegExp(`${escapeRegExp(unknownArn)}|no such execution`) },
    ]);
    expect(await refuseAll("ARNs", cases)).toEqual([]);
  });

  it("refuses query parameters of the wrong type or out of range on the executions list, naming the parameter", async () => {
    const table: [string, RegExp][] = [
      ["status=NOPE", /"status"/],
      ["status=RUNNING,running", /"status"/],
      ["status=%00", /"status"/],
      ["maxItems=0", /"maxItems"/],
      ["maxItems=1001", /"maxItems"/],
      ["maxItems=x", /"maxItems"/],
      ["maxItems=1.5", /"maxItems"/],
      ["maxItems=-1", /"maxItems"/],
      ["maxItems=%20", /"maxItems"/],
      ["order=sideways", /"order"/],
      ["name=a%20b", /"name"/],
      ["name=..%2F..", /"name"/],
      [`name=${"x".repeat(65)}`, /"name"/],
      [`marker=${"x".repeat(2049)}`, /"marker"/],
      ["marker=junk", /Marker/],
      ["qualifier=no%20way", /"qualifier"/],
      ["qualifier=%00", /"qualifier"/],
      ["startedAfter=yesterday", /"startedAfter"/],
      ["startedAfter=2026-01-01", /"startedAfter"/],
      ["startedBefore=2026-13-45T00:00:00Z", /"startedBefore"/],
      ["startedAfter=2026-02-01T00:00:00Z&startedBefore=2026-01-01T00:00:00Z", /"startedAfter".*"startedBefore"/],
    ];
    const cases: Case[] = table.map(([query, names]) => ({
      label: `executions?${query.slice(0, 50)}`,
      send: () => handlers.executions!(nextRequest(`/api/functions/quick/executions?${query}`), params({ name: "quick" })),
      names,
    }));
    expect(await refuseAll("query", cases)).toEqual([]);
  });

  it("serves no file outside the history folder: traversal, NULs, links, hidden and unknown names", async () => {
    const table: [string, RegExp][] = [
      ["../secret.json", /is not the name of a history file/],
      ["..%2Fsecret.json", /is not the name of a history file/],
      ["%2e%2e%2fsecret.json", /is not the name of a history file/],
      ["..\\secret.json", /is not the name of a history file/],
      ["/etc/passwd", /is not the name of a history file/],
      ["run_SUCCEEDED.json\u0000.txt", /is not the name of a history file/],
      ["run_SUCCEEDED.json%00", /is not the name of a history file/],
      [".hidden.json", /is not the name of a history file/],
      ["notes.txt", /is not the name of a history file/],
      ["", /is not the name of a history file/],
      [`${"x".repeat(300)}.json`, /too long .*255/],
      ["link.json", /no history file link\.json/],
      ["missing.json", /no history file missing\.json/],
    ];
    const cases: Case[] = table.map(([name, names]) => ({
      label: `history file ${JSON.stringify(name).slice(0, 50)}`,
      send: () => handlers.historyFile!(new Request("http://localhost:3000/api/history-files/x"), params({ name })),
      names,
    }));
    expect(await refuseAll("history files", cases)).toEqual([]);
  });
});

describe("the session route", () => {
  it("hands out a fresh token for a bad cookie, never the cookie's value", async () => {
    const { GET } = await import("./session/route");
    for (const cookie of ["durable-lens-csrf=forged.token", `durable-lens-csrf=${"x".repeat(10_000)}`, "durable-lens-csrf=", "durable-lens-csrf", ";;;=;", "durable-lens-csrf=a.b; durable-lens-csrf=c.d"]) {
      const response = GET(new Request("http://localhost:3000/api/session", { headers: { cookie } }));
      expect(response.status, cookie).toBe(200);
      const body = (await response.json()) as { csrfToken?: string };
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(cookie).not.toContain(body.csrfToken);
    }
    counts["session cookies"] = 6;
  });
});

/** The executions route reads `nextUrl`, which only a NextRequest has. */
function nextRequest(path: string): Request {
  return new NextRequest(`http://localhost:3000${path}`);
}
