// Bad input against every route of the local service, over real HTTP and real SQLite: wrong
// methods, bad names and ARNs in the path (traversal, NULs, broken percent-encoding), bad query
// parameters, every field of every JSON body with every wrong type and bad value, a seeded
// random mutator on top, bodies past the limits, invalid UTF-8, stale tokens and conflicting
// operation types. Each must be a 4xx in Lambda's error shape whose message names the problem;
// none may be a 5xx, take the service down, or change a byte of what it stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CheckpointDurableExecutionCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  GetDurableExecutionStateCommand,
  GetFunctionCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { MemoryStore } from "../engine/index.js";
import { Limits, ServiceErrorStatus } from "../protocol/index.js";
import { withDurableExecution } from "../runtime/index.js";
import { rawRequest, rawSocket, refusalProblem, storeSnapshot } from "./fuzz-api.test-support.js";
import { fuzzSeed, randomCases, seededRandom, tableCases, withInvalidUtf8, type BodyCase, type FieldSpec } from "./fuzz.test-support.js";
import { ManualFunction, callbackId, clientFor, refusal, snapshot, startTestService, type TestService } from "./lambda-api.test-support.js";
import { LocalDurableService } from "./service.js";

const rnd = seededRandom(fuzzSeed("local service API"));

const approval = withDurableExecution(async (_e, ctx) => ctx.waitForCallback("approval", async () => {}));
const quick = withDurableExecution(async (_e, ctx) => ctx.step("only", async () => "finished"));
const manual = new ManualFunction();

let t: TestService;
/** A finished execution, one waiting on a callback, and one whose invocation the test holds open with a live token. */
let done: string;
let waiting: string;
let waitingCallback: string;
let live: string;
let token: string;
let staleToken: string;
let before: unknown;

const MiB = 1024 * 1024;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await startTestService([
    { name: "approval", handler: approval },
    { name: "quick", handler: quick },
    { name: "manual", handler: manual.handler },
  ]);
  done = (await t.client.send(new InvokeCommand({ FunctionName: "quick", Payload: "{}" }))).DurableExecutionArn!;
  waiting = (await t.client.send(new InvokeCommand({ FunctionName: "approval", InvocationType: "Event", DurableExecutionName: "fz-approval", Payload: "{}" })))
    .DurableExecutionArn!;
  waitingCallback = await callbackId(t.client, waiting);
  live = (await t.client.send(new InvokeCommand({ FunctionName: "manual", InvocationType: "Event", Payload: "{}" }))).DurableExecutionArn!;
  const inv = await manual.next();
  staleToken = inv.event.CheckpointToken;
  // An open step and an open child context, so updates that need an operation in a state reach the checks past it.
  const out = await t.client.send(
    new CheckpointDurableExecutionCommand({
      DurableExecutionArn: live,
      CheckpointToken: staleToken,
      Updates: [
        { Id: "s-open", Type: "STEP", Action: "START", Name: "charge" },
        { Id: "ctx", Type: "CONTEXT", Action: "START", Name: "group" },
      ],
    }),
  );
  token = out.CheckpointToken!;
  before = await storeSnapshot(t.client);
}, 30_000);

afterAll(async () => {
  manual.finishAll();
  await t?.stop();
});

/** Sends every case and returns the ones not refused as they should be; then checks nothing changed and the service is up. */
async function refuseAll(cases: readonly { label: string; send: () => Promise<Parameters<typeof refusalProblem>[1]>; names: RegExp }[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) {
    try {
      const problem = refusalProblem(c.label, await c.send(), c.names);
      if (problem) problems.push(problem);
    } catch (e) {
      problems.push(`${c.label}: the request failed: ${(e as Error).message}`);
    }
  }
  expect((await rawRequest(t.service.endpoint, "GET", "/health")).status).toBe(200);
  expect(await storeSnapshot(t.client)).toEqual(before);
  return problems;
}

const post = (path: string, body?: string | Uint8Array, headers?: Record<string, string>) => () => rawRequest(t.service.endpoint, "POST", path, body, headers);
const get = (path: string) => () => rawRequest(t.service.endpoint, "GET", path);

const arnPath = (arn: string, action = "") => `/2025-12-01/durable-executions/${enc(arn)}${action && `/${action}`}`;
const callbackPath = (id: string, action: string) => `/2025-12-01/durable-execution-callbacks/${enc(id)}/${action}`;

/** Every route, with a well-formed request to it, for the method and size cases. */
function routes(): { name: string; method: string; path: string; body?: string }[] {
  return [
    { name: "health", method: "GET", path: "/health" },
    { name: "ListFunctions", method: "GET", path: "/2015-03-31/functions" },
    { name: "GetFunction", method: "GET", path: "/2015-03-31/functions/quick" },
    { name: "Invoke", method: "POST", path: "/2015-03-31/functions/quick/invocations", body: "{}" },
    { name: "GetDurableExecution", method: "GET", path: arnPath(done) },
    { name: "GetDurableExecutionHistory", method: "GET", path: arnPath(done, "history") },
    { name: "GetDurableExecutionState", method: "GET", path: `${arnPath(live, "state")}?CheckpointToken=${enc(token)}` },
    { name: "CheckpointDurableExecution", method: "POST", path: arnPath(live, "checkpoint"), body: JSON.stringify({ CheckpointToken: token, Updates: [] }) },
    { name: "StopDurableExecution", method: "POST", path: arnPath(waiting, "stop"), body: "{}" },
    { name: "SendDurableExecutionCallbackSuccess", method: "POST", path: callbackPath(waitingCallback, "succeed"), body: '"ok"' },
    { name: "SendDurableExecutionCallbackFailure", method: "POST", path: callbackPath(waitingCallback, "fail"), body: "{}" },
    { name: "SendDurableExecutionCallbackHeartbeat", method: "POST", path: callbackPath(waitingCallback, "heartbeat"), body: "" },
    { name: "ListDurableExecutionsByFunction", method: "GET", path: "/2025-12-01/functions/quick/durable-executions" },
    { name: "handler bundle", method: "GET", path: "/durable-lens/functions/quick/handler-bundle" },
  ];
}

const counts: Record<string, number> = {};
function count(group: string, n: number): void {
  counts[group] = (counts[group] ?? 0) + n;
}
afterAll(() => console.log(`[fuzz] local service API cases: ${JSON.stringify(counts)}, total ${Object.values(counts).reduce((a, b) => a + b, 0)}`));

describe("the local service refuses bad input to every route", () => {
  it("refuses the methods a route does not serve, naming the method", async () => {
    const cases = routes().flatMap((r) =>
      ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
        .filter((m) => m !== r.method)
        .map((m) => ({ label: `${m} ${r.name}`, send: () => rawRequest(t.service.endpoint, m, r.path, m === "GET" ? undefined : (r.body ?? "")), names: new RegExp(`matches ${m} /`) })),
    );
    count("methods", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("refuses bad function names in the path: traversal, NULs, broken percent-encoding, unknown names", async () => {
    const badName = (decoded: string) => new RegExp(`FunctionName ${escapeRegExp(JSON.stringify(decoded))} is not a valid`);
    const names: [string, RegExp][] = [
      ["..%2F..%2Fetc%2Fpasswd", badName("../../etc/passwd")],
      ["%2E%2E%2F%2E%2E%2Fsecret", badName("../../secret")],
      ["..%5C..%5Cwindows", badName("..\\..\\windows")],
      ["a%00b", badName("a\u0000b")],
      ["%00", badName("\u0000")],
      ["quick%00.js", badName("quick\u0000.js")],
      ["%2F", badName("/")],
      ["fn%20name", badName("fn name")],
      ["%C3%BC", badName("ü")],
      ["x".repeat(171), badName("x".repeat(171))],
      ["%FF", /Path segment "%FF" is not valid percent-encoding/],
      ["%C0%AE%C0%AE", /Path segment "%C0%AE%C0%AE" is not valid percent-encoding/],
      ["%E0%A4%A", /Path segment "%E0%A4%A" is not valid percent-encoding/],
      ["%zz", /Path segment "%zz" is not valid percent-encoding/],
      // Dot segments are resolved before routing, so they lead to no route at all.
      ["..", /No operation of this service matches/],
      ["%2e%2e", /No operation of this service matches/],
      ["no-such-function", /Function not found: no-such-function/],
    ];
    const cases = names.flatMap(([name, expected]) => [
      { label: `GetFunction ${name}`, send: get(`/2015-03-31/functions/${name}`), names: expected },
      { label: `Invoke ${name}`, send: post(`/2015-03-31/functions/${name}/invocations`, "{}"), names: expected },
      { label: `ListDurableExecutionsByFunction ${name}`, send: get(`/2025-12-01/functions/${name}/durable-executions`), names: expected },
      { label: `handler bundle ${name}`, send: get(`/durable-lens/functions/${name}/handler-bundle`), names: expected },
    ]);
    for (const q of ["%00", "..%2F..", "a%20b", "x".repeat(129), ""]) {
      const names = /Qualifier must be/;
      cases.push(
        { label: `GetFunction ?Qualifier=${q}`, send: get(`/2015-03-31/functions/quick?Qualifier=${q}`), names },
        { label: `Invoke ?Qualifier=${q}`, send: post(`/2015-03-31/functions/quick/invocations?Qualifier=${q}`, "{}"), names },
        { label: `ListDurableExecutionsByFunction ?Qualifier=${q}`, send: get(`/2025-12-01/functions/quick/durable-executions?Qualifier=${q}`), names },
      );
    }
    count("function names", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("refuses bad durable execution ARNs in the path, and unknown ones", async () => {
    const unknown = done.replace(/[0-9a-f-]{36}$/, "00000000-0000-0000-0000-000000000000");
    const malformed = [
      "not-an-arn",
      "arn:aws:lambda:::",
      `${done}/..`,
      done.replace("durable-execution/", "durable-execution/../../"),
      `${done}\u0000`,
      done.replace(":function:", ":function:..%2F"),
      `${done}${"x".repeat(1100)}`,
      done.replace("123456789012", "12345678901x"),
      " ",
    ];
    const cases: { label: string; send: () => Promise<Parameters<typeof refusalProblem>[1]>; names: RegExp }[] = [];
    const at = (arn: string) => [
      { label: "GetDurableExecution", send: get(arnPath(arn)) },
      { label: "GetDurableExecutionHistory", send: get(arnPath(arn, "history")) },
      { label: "GetDurableExecutionState", send: get(`${arnPath(arn, "state")}?CheckpointToken=${enc(token)}`) },
      { label: "CheckpointDurableExecution", send: post(arnPath(arn, "checkpoint"), JSON.stringify({ CheckpointToken: token, Updates: [] })) },
      { label: "StopDurableExecution", send: post(arnPath(arn, "stop"), "{}") },
    ];
    for (const arn of malformed) {
      for (const c of at(arn)) cases.push({ ...c, label: `${c.label} ${JSON.stringify(arn).slice(0, 60)}`, names: /^DurableExecutionArn ".*" is not a durable execution ARN$/s });
    }
    for (const segment of ["%FF", "%E0%A4%A"]) {
      cases.push({ label: `GetDurableExecution ${segment}`, send: get(`/2025-12-01/durable-executions/${segment}`), names: /is not valid percent-encoding/ });
    }
    // Well-formed but naming nothing: a 404 naming the ARN, or for the token-holding calls, the token.
    for (const c of at(unknown)) {
      cases.push({ ...c, label: `${c.label} unknown ARN`, names: c.label.includes("State") ? /Invalid Checkpoint Token/ : new RegExp(escapeRegExp(unknown)) });
    }
    count("ARNs", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("refuses bad and unknown callback ids", async () => {
    const decoded = JSON.parse(atob(waitingCallback)) as { a: string; o: string; n: string };
    const forged = btoa(JSON.stringify({ ...decoded, n: "AAAAAAAAAAAAAAAA" }));
    const atStep = btoa(JSON.stringify({ a: live, o: "s-open", n: "AAAAAAAAAAAAAAAA" }));
    const ids: [string, RegExp][] = [
      ["not base64!", /CallbackId "not base64!" is not a callback id/],
      ["\u0000", /CallbackId "\\u0000" is not a callback id/],
      ["../../etc", /CallbackId "\.\.\/\.\.\/etc" is not a callback id/],
      ["A".repeat(1025), /CallbackId "A+" is not a callback id/],
      ["abc===", /CallbackId "abc===" is not a callback id/],
      ["ü", /CallbackId "ü" is not a callback id/],
      ["dW5rbm93bg==", /Callback not found: dW5rbm93bg==/],
      ["////", /Callback not found: \/\/\/\//],
      ["A", /Callback not found: A/],
      [forged, /Callback not found/],
      [atStep, /Callback not found/],
    ];
    const cases = ids.flatMap(([id, names]) =>
      (["succeed", "fail", "heartbeat"] as const).map((action) => ({
        label: `${action} ${JSON.stringify(id).slice(0, 40)}`,
        send: post(callbackPath(id, action), action === "succeed" ? '"ok"' : action === "fail" ? '{"ErrorMessage":"no"}' : ""),
        names,
      })),
    );
    cases.push({ label: "callback with a bad percent-encoding", send: post("/2025-12-01/durable-execution-callbacks/%FF/succeed", "1"), names: /not valid percent-encoding/ });
    count("callback ids", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("refuses query parameters of the wrong type or out of range, naming the parameter", async () => {
    const marker = (cursor: unknown) => enc(btoa(JSON.stringify(cursor)));
    const list = "/2025-12-01/functions/quick/durable-executions";
    const table: [string, string[], RegExp][] = [
      ["/2015-03-31/functions", ["MaxItems=0", "MaxItems=10001", "MaxItems=-1", "MaxItems=abc", "MaxItems=1.5", "MaxItems="], /MaxItems/],
      ["/2015-03-31/functions", ["Marker=junk", `Marker=${marker({ f: -1 })}`, `Marker=${marker({ f: 1.5 })}`, `Marker=${marker({ s: 1 })}`, "Marker=%00"], /Marker/],
      [list, ["Statuses=NOPE", "Statuses=running", "Statuses=RUNNING&Statuses=%00"], /Statuses/],
      [list, ["MaxItems=1001", "MaxItems=-1", "MaxItems=x", "MaxItems=99999999999999999999"], /MaxItems/],
      [list, ["Marker=junk", `Marker=${marker({ s: -1 })}`, `Marker=${marker({ s: "1" })}`, `Marker=${marker({ s: 0.5 })}`, `Marker=${marker(null)}`], /Marker/],
      [list, ["StartedAfter=yesterday", "StartedAfter=275760-09-14", "StartedAfter="], /StartedAfter/],
      [list, ["StartedBefore=%00", "StartedBefore=2026-13-45"], /StartedBefore/],
      [list, ["ReverseOrder=yes", "ReverseOrder=1", "ReverseOrder="], /ReverseOrder/],
      [list, ["DurableExecutionName=a%2Fb", "DurableExecutionName=", `DurableExecutionName=${"x".repeat(65)}`, "DurableExecutionName=%00"], /DurableExecutionName/],
      [arnPath(done), ["IncludeExecutionData=maybe", "IncludeExecutionData=TRUE"], /IncludeExecutionData/],
      [arnPath(done, "history"), ["MaxItems=1001", "MaxItems=-5", "MaxItems=1e3"], /MaxItems/],
      [arnPath(done, "history"), ["Marker=junk", `Marker=${marker({ e: -1 })}`, `Marker=${marker({ e: 1.5 })}`, `Marker=${marker({ e: 1e300 })}`], /Marker/],
      [arnPath(done, "history"), ["IncludeExecutionData=0", "ReverseOrder=on"], /IncludeExecutionData|ReverseOrder/],
      [arnPath(live, "state"), ["", "CheckpointToken="], /CheckpointToken|Checkpoint Token/],
      [arnPath(live, "state"), [`CheckpointToken=${enc(staleToken)}`, "CheckpointToken=%00", `CheckpointToken=${"A".repeat(5000)}`], /Invalid Checkpoint Token/],
      [arnPath(live, "state"), [`CheckpointToken=${enc(token)}&MaxItems=1001`, `CheckpointToken=${enc(token)}&MaxItems=x`], /MaxItems/],
      [arnPath(live, "state"), [`CheckpointToken=${enc(token)}&Marker=${marker({ s: -5 })}`, `CheckpointToken=${enc(token)}&Marker=junk`], /Marker/],
    ];
    const cases = table.flatMap(([path, queries, names]) => queries.map((q) => ({ label: `${path.slice(0, 40)}?${q.slice(0, 60)}`, send: get(`${path}?${q}`), names })));
    const invoke = "/2015-03-31/functions/quick/invocations";
    for (const type of ["Bogus", "event", ""]) {
      cases.push({ label: `Invoke X-Amz-Invocation-Type: ${type}`, send: post(invoke, "{}", { "X-Amz-Invocation-Type": type }), names: /X-Amz-Invocation-Type/ });
    }
    for (const name of ["a/b", "", "x".repeat(65), "\u00e9", "..", "has space"]) {
      cases.push({
        label: `Invoke X-Amz-Durable-Execution-Name: ${JSON.stringify(name).slice(0, 30)}`,
        // A header is Latin-1 on the wire; é arrives as one byte.
        send: post(invoke, "{}", { "X-Amz-Invocation-Type": "Event", "X-Amz-Durable-Execution-Name": name }),
        names: /DurableExecutionName/,
      });
    }
    count("query and headers", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });
});

/** Error shapes of the refusals that spoil a body's text rather than a field. */
const TEXT = { invalidJson: /not valid JSON/, notAnObject: /must be a JSON object/, invalidUtf8: /not valid UTF-8/ };

/** The ErrorObject body of StopDurableExecution and SendDurableExecutionCallbackFailure. */
const ERROR_BODY = { ErrorMessage: "m", ErrorType: "T", ErrorData: "{}", StackTrace: ["at f (a.js:1)"] };
const errorFields = (prefix: readonly (string | number)[]): FieldSpec[] => [
  { path: [...prefix, "ErrorMessage"], type: "string" },
  { path: [...prefix, "ErrorType"], type: "string" },
  { path: [...prefix, "ErrorData"], type: "string" },
  { path: [...prefix, "StackTrace"], type: "string[]" },
];

/** A checkpoint body holding one update, with the fields of the update and of the body. */
interface CheckpointBase {
  label: string;
  update: Record<string, unknown>;
  fields: FieldSpec[];
}

const U = ["Updates", 0] as const;
const INT_OUT_OF_RANGE = [0, -1, 1.5, Limits.MAX_DELAY_SECONDS + 1, 1e300];

/** The fields every update has, and the values of the right type that are still wrong. */
function commonUpdateFields(kind: "operation" | "execution"): FieldSpec[] {
  return [
    { path: U, type: "object" },
    { path: [...U, "Id"], type: "string", required: true, ...(kind === "operation" && { badValues: ["", "a b", "x".repeat(65), "../etc", "a\u0000", "ü"] }) },
    { path: [...U, "Type"], type: "string", required: true, badValues: ["step", "toString", "__proto__", "constructor", "", "STEP "] },
    { path: [...U, "Action"], type: "string", required: true, badValues: ["start", "toString", "", "DELETE", "constructor"] },
    { path: [...U, "Name"], type: "string", badValues: ["", "x".repeat(257), "\u0000", "ü", "a\nb"] },
    { path: [...U, "SubType"], type: "string", badValues: ["", "x".repeat(33), "a b"] },
    { path: [...U, "ParentId"], type: "string", badValues: ["", "../x", "s-open", "no-such-parent"] },
    { path: [...U, "Payload"], type: "string" },
    { path: [...U, "Error"], type: "object" },
    { path: [...U, "StepOptions"], type: "object" },
    { path: [...U, "WaitOptions"], type: "object" },
    { path: [...U, "CallbackOptions"], type: "object" },
    { path: [...U, "ChainedInvokeOptions"], type: "object" },
    { path: [...U, "ContextOptions"], type: "object" },
  ];
}

function checkpointBases(): CheckpointBase[] {
  const op = commonUpdateFields("operation");
  return [
    { label: "STEP START", update: { Id: "fz-step", Type: "STEP", Action: "START", Name: "charge", SubType: "Step", ParentId: "ctx" }, fields: op },
    {
      label: "STEP RETRY",
      update: { Id: "s-open", Type: "STEP", Action: "RETRY", Error: ERROR_BODY, StepOptions: { NextAttemptDelaySeconds: 5 } },
      fields: [
        ...op,
        ...errorFields([...U, "Error"]),
        { path: [...U, "StepOptions"], type: "object", required: true },
        { path: [...U, "StepOptions", "NextAttemptDelaySeconds"], type: "integer", required: true, badValues: INT_OUT_OF_RANGE },
      ],
    },
    {
      label: "STEP SUCCEED",
      update: { Id: "s-open", Type: "STEP", Action: "SUCCEED", Payload: '"ok"' },
      fields: [...op.filter((f) => f.path.at(-1) !== "Payload"), { path: [...U, "Payload"], type: "string", badValues: ["x".repeat(Limits.OPERATION_PAYLOAD_BYTES + 1)] }],
    },
    { label: "STEP FAIL", update: { Id: "s-open", Type: "STEP", Action: "FAIL", Error: ERROR_BODY }, fields: [...op, ...errorFields([...U, "Error"])] },
    {
      label: "WAIT START",
      update: { Id: "fz-wait", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 60 } },
      fields: [...op, { path: [...U, "WaitOptions"], type: "object", required: true }, { path: [...U, "WaitOptions", "WaitSeconds"], type: "integer", required: true, badValues: INT_OUT_OF_RANGE }],
    },
    {
      label: "CALLBACK START",
      update: { Id: "fz-cb", Type: "CALLBACK", Action: "START", CallbackOptions: { TimeoutSeconds: 60, HeartbeatTimeoutSeconds: 10 } },
      fields: [
        ...op,
        { path: [...U, "CallbackOptions", "TimeoutSeconds"], type: "integer", badValues: [-1, 1.5, Limits.MAX_DELAY_SECONDS + 1] },
        { path: [...U, "CallbackOptions", "HeartbeatTimeoutSeconds"], type: "integer", badValues: [-1, 1.5, Limits.MAX_DELAY_SECONDS + 1] },
      ],
    },
    {
      label: "CHAINED_INVOKE START",
      update: { Id: "fz-inv", Type: "CHAINED_INVOKE", Action: "START", Payload: "{}", ChainedInvokeOptions: { FunctionName: "quick", TenantId: "t-1" } },
      fields: [
        ...op,
        { path: [...U, "ChainedInvokeOptions"], type: "object", required: true },
        { path: [...U, "ChainedInvokeOptions", "FunctionName"], type: "string", required: true, badValues: [""] },
        { path: [...U, "ChainedInvokeOptions", "TenantId"], type: "string", badValues: ["", "\u0000", "x".repeat(257), "a\nb"] },
      ],
    },
    {
      label: "CONTEXT SUCCEED",
      update: { Id: "ctx", Type: "CONTEXT", Action: "SUCCEED", Payload: '"r"', ContextOptions: { ReplayChildren: true } },
      fields: [...op, { path: [...U, "ContextOptions", "ReplayChildren"], type: "boolean" }],
    },
    { label: "EXECUTION SUCCEED", update: { Id: "execution-result", Type: "EXECUTION", Action: "SUCCEED", Payload: '"done"' }, fields: commonUpdateFields("execution") },
  ];
}

/** The fields of the checkpoint body around its updates. */
function checkpointFields(): FieldSpec[] {
  return [
    { path: ["CheckpointToken"], type: "string", required: true, badValues: ["", "stale", staleToken, "A".repeat(5000)], names: /CheckpointToken|Invalid Checkpoint Token/ },
    { path: ["ClientToken"], type: "string", badValues: ["", "x".repeat(65), "has space", "\u0000", "ü"] },
    { path: ["Updates"], type: "array" },
  ];
}

const bodyCase = (path: string) => (c: BodyCase) => ({ label: c.label, send: post(path, c.body), names: c.names });

describe("JSON bodies: every field with every wrong type and bad value", () => {
  it("refuses every malformed CheckpointDurableExecution, and the live token stays valid", async () => {
    const path = arnPath(live, "checkpoint");
    const cases = checkpointBases().flatMap((b) =>
      tableCases({ CheckpointToken: token, ClientToken: "fz-client", Updates: [b.update] }, [...checkpointFields(), ...b.fields]).map((c) => ({ ...c, label: `${b.label}: ${c.label}` })),
    );
    cases.push(
      { label: "not JSON", body: "{nope", names: TEXT.invalidJson },
      { label: "an array", body: "[]", names: TEXT.notAnObject },
      { label: "a string", body: '"x"', names: TEXT.notAnObject },
      { label: "empty", body: "", names: /CheckpointToken is required/ },
      { label: "null", body: "null", names: TEXT.notAnObject },
    );
    count("checkpoint table", cases.length);
    expect(await refuseAll(cases.map(bodyCase(path)))).toEqual([]);
  });

  it("refuses every malformed StopDurableExecution and SendDurableExecutionCallbackFailure ErrorObject, leaving both open", async () => {
    const fields = errorFields([]);
    const table = tableCases(ERROR_BODY, fields);
    const text: BodyCase[] = [
      { label: "not JSON", body: '{"ErrorMessage":', names: TEXT.invalidJson },
      { label: "an array", body: JSON.stringify([ERROR_BODY]), names: TEXT.notAnObject },
      { label: "a number", body: "5", names: TEXT.notAnObject },
    ];
    const cases = [
      ...[...table, ...text].map((c) => ({ ...bodyCase(arnPath(waiting, "stop"))(c), label: `stop: ${c.label}` })),
      ...[...table, ...text].map((c) => ({ ...bodyCase(callbackPath(waitingCallback, "fail"))(c), label: `fail: ${c.label}` })),
    ];
    count("ErrorObject table", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("refuses an Invoke payload that is not JSON, and starts nothing", async () => {
    const invoke = "/2015-03-31/functions/quick/invocations";
    const cases = ["{nope", "[1,]", "'single'", "NaN", "undefined", "{\"a\":1}}", "\u0000", "{\"a\":\"\\x\"}", "01"].map((body) => ({
      label: `Invoke ${JSON.stringify(body)}`,
      send: post(invoke, body),
      names: /Could not parse request body into json/,
    }));
    count("invoke payloads", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });
});

describe("random mutations of valid bodies", () => {
  it("refuses every mutation of checkpoint, stop and callback failure bodies", async () => {
    const cases = [
      ...checkpointBases().flatMap((b) =>
        randomCases(rnd, { CheckpointToken: token, Updates: [b.update] }, [...checkpointFields(), ...b.fields], TEXT, 25)
          .map(bodyCase(arnPath(live, "checkpoint")))
          .map((c) => ({ ...c, label: `${b.label}: ${c.label}` })),
      ),
      ...randomCases(rnd, ERROR_BODY, errorFields([]), TEXT, 60).map((c) => ({ ...bodyCase(arnPath(waiting, "stop"))(c), label: `stop: ${c.label}` })),
      ...randomCases(rnd, ERROR_BODY, errorFields([]), TEXT, 60).map((c) => ({ ...bodyCase(callbackPath(waitingCallback, "fail"))(c), label: `fail: ${c.label}` })),
    ];
    count("random mutations", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });
});

describe("sizes and bytes", () => {
  it("refuses bodies past the service's limit on every route that reads one, and invalid UTF-8 on each", async () => {
    const bodyRoutes = routes().filter((r) => r.body !== undefined);
    const huge = "x".repeat(8 * MiB);
    const cases = bodyRoutes.flatMap((r) => [
      { label: `${r.name}: 8 MiB`, send: post(r.path, huge), names: /Request body exceeds/ },
      { label: `${r.name}: invalid UTF-8`, send: post(r.path, withInvalidUtf8(r.body || '"x"', rnd)), names: /not valid UTF-8/ },
      { label: `${r.name}: a lone surrogate`, send: post(r.path, new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])), names: /not valid UTF-8/ },
    ]);
    cases.push(
      { label: "Invoke: 32 MiB", send: post("/2015-03-31/functions/quick/invocations", "x".repeat(32 * MiB)), names: /Request body exceeds/ },
      { label: "Invoke: payload over 6 MiB", send: post("/2015-03-31/functions/quick/invocations", JSON.stringify("x".repeat(Limits.OPERATION_PAYLOAD_BYTES))), names: /Payload exceeds/ },
      { label: "callback result over 256 KiB", send: post(callbackPath(waitingCallback, "succeed"), "x".repeat(Limits.CALLBACK_RESULT_BYTES + 1)), names: /Result exceeds/ },
    );
    count("sizes and bytes", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("answers what is not HTTP, or a URL past Node's header limit, and stays up", async () => {
    expect(await rawSocket(t.service.endpoint, "HELLO\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawSocket(t.service.endpoint, "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    // Refused by Node's parser before the router, still in Lambda's error shape.
    const long = await rawRequest(t.service.endpoint, "GET", `/2015-03-31/functions/${"x".repeat(64 * 1024)}`);
    expect(long.status).toBe(431);
    expect(JSON.parse(long.text)).toMatchObject({ Type: "User", message: expect.stringContaining("exceed the service's limit") });
    count("not HTTP", 3);
    expect(await refuseAll([])).toEqual([]);
  });
});

describe("requests that conflict with what is stored", () => {
  it("refuses stale tokens, ids used with another type, finished work and reused names, and a batch with one bad update changes nothing", async () => {
    const checkpoint = (updates: unknown[], tok = token, arn = live) => post(arnPath(arn, "checkpoint"), JSON.stringify({ CheckpointToken: tok, Updates: updates }));
    const typeClash = (id: string, type: string, existing: string) => new RegExp(`Updates\\[0\\]\\.Type ${type} does not match operation ${id}, which is a ${existing}`);
    const cases = [
      { label: "a token the service rotated", send: checkpoint([], staleToken), names: /Invalid Checkpoint Token: the token is stale/ },
      { label: "the live token on another execution", send: checkpoint([], token, waiting), names: /Invalid Checkpoint Token/ },
      { label: "a token on a finished execution", send: checkpoint([], token, done), names: /Invalid Checkpoint Token/ },
      { label: "WAIT CANCEL of a STEP", send: checkpoint([{ Id: "s-open", Type: "WAIT", Action: "CANCEL" }]), names: typeClash("s-open", "WAIT", "STEP") },
      { label: "CALLBACK CANCEL of a STEP", send: checkpoint([{ Id: "s-open", Type: "CALLBACK", Action: "CANCEL" }]), names: typeClash("s-open", "CALLBACK", "STEP") },
      { label: "CHAINED_INVOKE CANCEL of a CONTEXT", send: checkpoint([{ Id: "ctx", Type: "CHAINED_INVOKE", Action: "CANCEL" }]), names: typeClash("ctx", "CHAINED_INVOKE", "CONTEXT") },
      { label: "STEP SUCCEED of a CONTEXT", send: checkpoint([{ Id: "ctx", Type: "STEP", Action: "SUCCEED", Payload: "1" }]), names: typeClash("ctx", "STEP", "CONTEXT") },
      { label: "CONTEXT FAIL of a STEP", send: checkpoint([{ Id: "s-open", Type: "CONTEXT", Action: "FAIL" }]), names: typeClash("s-open", "CONTEXT", "STEP") },
      { label: "STEP START of a CONTEXT", send: checkpoint([{ Id: "ctx", Type: "STEP", Action: "START" }]), names: typeClash("ctx", "STEP", "CONTEXT") },
      { label: "starting a started step", send: checkpoint([{ Id: "s-open", Type: "STEP", Action: "START" }]), names: /cannot START STEP operation s-open in status STARTED/ },
      { label: "starting a started context", send: checkpoint([{ Id: "ctx", Type: "CONTEXT", Action: "START" }]), names: /cannot START CONTEXT operation ctx in status STARTED/ },
      { label: "cancelling an unknown wait", send: checkpoint([{ Id: "nope", Type: "WAIT", Action: "CANCEL" }]), names: /cannot CANCEL WAIT operation nope in status \(none\)/ },
      { label: "RETRY with both an Error and a Payload", send: checkpoint([{ Id: "s-open", Type: "STEP", Action: "RETRY", Error: {}, Payload: "1", StepOptions: { NextAttemptDelaySeconds: 1 } }]), names: /either an Error or a Payload/ },
      { label: "SUCCEED with an Error", send: checkpoint([{ Id: "s-open", Type: "STEP", Action: "SUCCEED", Error: {} }]), names: /SUCCEED cannot carry an Error/ },
      { label: "FAIL with a Payload", send: checkpoint([{ Id: "s-open", Type: "STEP", Action: "FAIL", Payload: "1" }]), names: /FAIL cannot carry a Payload/ },
      {
        label: "a valid update, then a bad one",
        send: checkpoint([{ Id: "n1", Type: "STEP", Action: "START" }, { Id: "w1", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 0 } }]),
        names: /Updates\[1\]\.WaitOptions\.WaitSeconds/,
      },
      {
        label: "a chained invoke that starts an execution, then a bad update",
        send: checkpoint([{ Id: "ci", Type: "CHAINED_INVOKE", Action: "START", ChainedInvokeOptions: { FunctionName: "quick" } }, { Id: "zz", Type: "STEP", Action: "SUCCEED" }]),
        names: /Updates\[1\]: cannot SUCCEED STEP operation zz/,
      },
      { label: "one id started twice in a batch", send: checkpoint([{ Id: "d", Type: "STEP", Action: "START" }, { Id: "d", Type: "STEP", Action: "START" }]), names: /Updates\[1\]: cannot START STEP operation d/ },
      {
        label: "more operations than an execution may have",
        send: checkpoint(Array.from({ length: Limits.MAX_OPERATIONS + 1 }, (_, i) => ({ Id: `many-${i}`, Type: "STEP", Action: "START" }))),
        names: /at most 3000/,
      },
      { label: "stopping a finished execution", send: post(arnPath(done, "stop"), "{}"), names: /already ended \(SUCCEEDED\)/ },
      {
        label: "a name reused with another input",
        send: post("/2015-03-31/functions/approval/invocations", '{"other":1}', { "X-Amz-Invocation-Type": "Event", "X-Amz-Durable-Execution-Name": "fz-approval" }),
        names: /fz-approval already started with different input/,
      },
    ];
    count("conflicts", cases.length);
    expect(await refuseAll(cases)).toEqual([]);
  });

  it("keeps a refused batch out of the memory store too", async () => {
    const memoryManual = new ManualFunction();
    const service = await LocalDurableService.start({ store: new MemoryStore(), functions: [{ name: "manual", handler: memoryManual.handler }, { name: "quick", handler: quick }] });
    const client = clientFor(service.endpoint);
    try {
      const arn = (await client.send(new InvokeCommand({ FunctionName: "manual", InvocationType: "Event", Payload: "{}" }))).DurableExecutionArn!;
      const tok = (await memoryManual.next()).event.CheckpointToken;
      const was = await storeSnapshot(client);
      const r = await refusal(
        client.send(
          new CheckpointDurableExecutionCommand({
            DurableExecutionArn: arn,
            CheckpointToken: tok,
            Updates: [
              { Id: "n1", Type: "STEP", Action: "START" },
              { Id: "ci", Type: "CHAINED_INVOKE", Action: "START", ChainedInvokeOptions: { FunctionName: "quick" } },
              { Id: "w1", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 0 } },
            ],
          }),
        ),
      );
      expect(r).toMatchObject({ status: 400, message: expect.stringContaining("Updates[2].WaitOptions.WaitSeconds") });
      expect(await storeSnapshot(client)).toEqual(was);
      // The token was not rotated either: the same call without the bad update goes through.
      await client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: tok, Updates: [{ Id: "n1", Type: "STEP", Action: "START" }] }));
      expect((await snapshot(client, arn)).events.map((e) => e.EventType)).toEqual(["ExecutionStarted", "StepStarted"]);
    } finally {
      memoryManual.finishAll();
      client.destroy();
      await service.stop();
    }
  });
});

describe("through the real LambdaClient", () => {
  it("refuses what the client can express, with the error class and message of a 4xx", async () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const c: LambdaClient = t.client;
    const table: [string, () => Promise<unknown>, RegExp][] = [
      ["Invoke traversal name", () => c.send(new InvokeCommand({ FunctionName: "../../etc/passwd", Payload: "{}" })), /FunctionName/],
      ["Invoke NUL name", () => c.send(new InvokeCommand({ FunctionName: "quick\u0000", Payload: "{}" })), /FunctionName/],
      ["Invoke bad qualifier", () => c.send(new InvokeCommand({ FunctionName: "quick", Qualifier: "no way", Payload: "{}" })), /Qualifier/],
      ["Invoke bad invocation type", () => c.send(new InvokeCommand({ FunctionName: "quick", InvocationType: "Sometimes" as never, Payload: "{}" })), /X-Amz-Invocation-Type/],
      ["Invoke bad execution name", () => c.send(new InvokeCommand({ FunctionName: "quick", DurableExecutionName: "has space", Payload: "{}" })), /DurableExecutionName/],
      ["Invoke payload not JSON", () => c.send(new InvokeCommand({ FunctionName: "quick", Payload: bytes("{nope") })), /parse request body into json/],
      ["Invoke payload invalid UTF-8", () => c.send(new InvokeCommand({ FunctionName: "quick", Payload: new Uint8Array([0x7b, 0xff, 0x7d]) })), /UTF-8/],
      ["Invoke 8 MiB", () => c.send(new InvokeCommand({ FunctionName: "quick", Payload: bytes(JSON.stringify("x".repeat(8 * MiB))) })), /exceeds/],
      ["GetFunction bad name", () => c.send(new GetFunctionCommand({ FunctionName: "a/b" })), /FunctionName/],
      ["GetFunction unknown", () => c.send(new GetFunctionCommand({ FunctionName: "nope" })), /Function not found: nope/],
      ["ListFunctions MaxItems", () => c.send(new ListFunctionsCommand({ MaxItems: 20_000 })), /MaxItems/],
      ["ListFunctions Marker", () => c.send(new ListFunctionsCommand({ Marker: "junk" })), /Marker/],
      ["GetDurableExecution bad ARN", () => c.send(new GetDurableExecutionCommand({ DurableExecutionArn: "arn:aws:lambda:::" })), /DurableExecutionArn/],
      ["GetDurableExecutionHistory MaxItems", () => c.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: done, MaxItems: 5000 })), /MaxItems/],
      ["GetDurableExecutionHistory Marker", () => c.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: done, Marker: "junk" })), /Marker/],
      ["GetDurableExecutionState stale token", () => c.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: live, CheckpointToken: staleToken })), /Invalid Checkpoint Token/],
      ["ListDurableExecutionsByFunction Statuses", () => c.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "quick", Statuses: ["NOPE" as never] })), /Statuses/],
      ["ListDurableExecutionsByFunction bad name", () => c.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: "..\\x" })), /FunctionName/],
      ["StopDurableExecution ErrorMessage type", () => c.send(new StopDurableExecutionCommand({ DurableExecutionArn: waiting, Error: { ErrorMessage: 5 as never } })), /ErrorMessage/],
      ["StopDurableExecution finished", () => c.send(new StopDurableExecutionCommand({ DurableExecutionArn: done })), /already ended/],
      ["callback success bad id", () => c.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: "not base64!", Result: bytes("1") })), /CallbackId/],
      ["callback success too big", () => c.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: waitingCallback, Result: bytes("x".repeat(Limits.CALLBACK_RESULT_BYTES + 1)) })), /Result exceeds/],
      ["callback success invalid UTF-8", () => c.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: waitingCallback, Result: new Uint8Array([0xc0, 0x80]) })), /UTF-8/],
      ["callback failure StackTrace", () => c.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: waitingCallback, Error: { StackTrace: "x" as never } })), /StackTrace/],
      ["callback heartbeat unknown", () => c.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: "dW5rbm93bg==" })), /Callback not found/],
      ["Checkpoint stale token", () => c.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: live, CheckpointToken: staleToken, Updates: [] })), /Invalid Checkpoint Token/],
      [
        "Checkpoint WaitSeconds 0",
        () => c.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: live, CheckpointToken: token, Updates: [{ Id: "w", Type: "WAIT", Action: "START", WaitOptions: { WaitSeconds: 0 } }] })),
        /WaitSeconds/,
      ],
      ["Checkpoint Type toString", () => c.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: live, CheckpointToken: token, Updates: [{ Id: "x", Type: "toString" as never, Action: "START" }] })), /Updates\[0\]\.Type/],
      [
        "Checkpoint CallbackOptions a string",
        () => c.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: live, CheckpointToken: token, Updates: [{ Id: "cb", Type: "CALLBACK", Action: "START", CallbackOptions: "soon" as never }] })),
        /CallbackOptions must be an object/,
      ],
    ];
    const problems: string[] = [];
    for (const [label, call, names] of table) {
      const r = await refusal(call()).catch((e: Error) => ({ name: "(not refused)", status: undefined, message: e.message }));
      const expected = ServiceErrorStatus[r.name as keyof typeof ServiceErrorStatus];
      if (r.status === undefined || r.status < 400 || r.status >= 500 || expected !== r.status || !names.test(r.message)) problems.push(`${label}: ${r.name} ${r.status} ${r.message}`);
    }
    count("LambdaClient", table.length);
    expect(problems).toEqual([]);
    expect(await refuseAll([])).toEqual([]);
  }, 30_000);
});

describe("after all of it", () => {
  it("still runs the executions it held: the live token was never rotated, the callback still completes", async () => {
    const out = await t.client.send(
      new CheckpointDurableExecutionCommand({ DurableExecutionArn: live, CheckpointToken: token, Updates: [{ Id: "s-open", Type: "STEP", Action: "SUCCEED", Payload: '"ok"' }] }),
    );
    expect(out.NewExecutionState?.Operations?.find((o) => o.Id === "s-open")?.Status).toBe("SUCCEEDED");
    await t.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: waitingCallback, Result: new TextEncoder().encode('"yes"') }));
    for (let i = 0; i < 200; i++) {
      if ((await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: waiting }))).Status === "SUCCEEDED") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: waiting }))).Status).toBe("SUCCEEDED");
  });
});
