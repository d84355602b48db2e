/**
 * Requirement files (js-sdk-api.md §5.1): `<requirements>/<suite>/<id>.yaml`, parsed as
 * PyYAML parses them and checked field by field, so a malformed file is reported by name
 * rather than failing somewhere in the run.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parse, type Tags } from "yaml";
import type { LogExpectation } from "./logs.js";
import { isPlainObject } from "./python.js";

export type CallbackOperation = "success" | "failure" | "heartbeat";

export interface CallbackAction {
  /** `'*'`, the callback's Name, or a regex searched in it. */
  CallbackName: string;
  Operation: CallbackOperation;
  Payload?: unknown;
  /** Seconds to wait before sending. */
  Delay: number;
}

export interface ExpectedResult {
  ExecutionStatus: string;
  /** Whether the file has a `Result` key at all (an empty `Result:` expects null). */
  hasResult: boolean;
  Result?: unknown;
}

export interface Requirement {
  suite: string;
  id: string;
  file: string;
  description: string;
  input: unknown;
  variables: Record<string, unknown>;
  expectedResult?: ExpectedResult;
  expectedHistory: unknown[];
  asyncInvoke: boolean;
  callbackActions: CallbackAction[];
  pollIntervalSeconds: number;
  noProgressTimeoutSeconds: number;
  expectedLogs: LogExpectation[];
  optional: boolean;
  /** Why the file could not be read; the runner reports it as that requirement's failure. */
  loadError?: string;
}

/** PyYAML (YAML 1.1) reads only these words as booleans; the `yaml` package's 1.1 schema adds y/n. */
const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;

function pyYamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== "object" || tag.tag !== "tag:yaml.org,2002:bool" || !("test" in tag) || !tag.test) return tag;
    return { ...tag, test: tag.test.test("true") ? PY_TRUE : PY_FALSE };
  });
}

/** Dates (unquoted YAML timestamps) become ISO strings, so every value is plain JSON. */
function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), plain(x)]));
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export function parseYaml(text: string): unknown {
  return plain(parse(text, { version: "1.1", uniqueKeys: false, customTags: pyYamlTags }));
}

class RequirementError extends Error {}

function fail(file: string, field: string, problem: string): never {
  throw new RequirementError(`${file}: ${field} ${problem}`);
}

function list<T>(file: string, field: string, v: unknown, item: (x: unknown, at: string) => T): T[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(file, field, "must be a list");
  return v.map((x, i) => item(x, `${field}[${i}]`));
}

function seconds(file: string, field: string, v: unknown, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || !(v >= 0)) fail(file, field, "must be a number of seconds");
  return v;
}

function callbackAction(file: string, at: string, v: unknown): CallbackAction {
  if (!isPlainObject(v)) fail(file, at, "must be a map");
  if (typeof v.CallbackName !== "string") fail(file, `${at}.CallbackName`, "must be a string");
  if (v.Operation !== "success" && v.Operation !== "failure" && v.Operation !== "heartbeat") {
    fail(file, `${at}.Operation`, "must be success, failure or heartbeat");
  }
  const action: CallbackAction = { CallbackName: v.CallbackName, Operation: v.Operation, Delay: seconds(file, `${at}.Delay`, v.Delay, 0) };
  if ("Payload" in v) action.Payload = v.Payload;
  return action;
}

function anchors(file: string, at: string, v: unknown): Record<string, unknown>[] | undefined {
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? v : [v];
  return items.map((a, i) => (isPlainObject(a) ? a : fail(file, `${at}[${i}]`, "must be a map of fields")));
}

function logExpectation(file: string, at: string, v: unknown): LogExpectation {
  if (!isPlainObject(v) || !isPlainObject(v.match)) fail(file, `${at}.match`, "must be a map of fields");
  const exp: LogExpectation = { match: v.match };
  for (const key of ["count", "min_count", "max_count"] as const) {
    if (v[key] === undefined || v[key] === null) continue;
    if (typeof v[key] !== "number" || !Number.isInteger(v[key])) fail(file, `${at}.${key}`, "must be an integer");
    exp[key] = v[key];
  }
  const before = anchors(file, `${at}.before`, v.before);
  const after = anchors(file, `${at}.after`, v.after);
  if (before) exp.before = before;
  if (after) exp.after = after;
  return exp;
}

/** A requirement with nothing expected, standing for a file that could not be read. */
function unreadable(file: string, suite: string, id: string): Requirement {
  return {
    suite,
    id,
    file,
    description: id,
    input: null,
    variables: {},
    expectedHistory: [],
    asyncInvoke: false,
    callbackActions: [],
    pollIntervalSeconds: 2,
    noProgressTimeoutSeconds: 30,
    expectedLogs: [],
    optional: false,
  };
}

/** Reads and checks one requirement file. */
export function loadRequirement(file: string, suite: string): Requirement {
  const doc = parseYaml(readFileSync(file, "utf8"));
  if (!isPlainObject(doc)) fail(file, "the document", "must be a map");
  const id = basename(file).replace(/\.ya?ml$/, "");
  const req: Requirement = {
    suite,
    id,
    file,
    description: typeof doc.description === "string" ? doc.description.trim() : id,
    input: doc.Input ?? null,
    variables: {},
    expectedHistory: list(file, "ExpectedExecutionHistory", doc.ExpectedExecutionHistory, (x) => x),
    asyncInvoke: doc.AsyncInvoke === true,
    callbackActions: list(file, "CallbackActions", doc.CallbackActions, (x, at) => callbackAction(file, at, x)),
    pollIntervalSeconds: 2,
    noProgressTimeoutSeconds: 30,
    expectedLogs: list(file, "ExpectedLogs", doc.ExpectedLogs, (x, at) => logExpectation(file, at, x)),
    optional: doc.optional === true,
  };
  if (doc.Variables !== undefined && doc.Variables !== null) {
    if (!isPlainObject(doc.Variables)) fail(file, "Variables", "must be a map");
    req.variables = doc.Variables;
  }
  if (doc.ExpectedResult !== undefined && doc.ExpectedResult !== null) {
    const r = doc.ExpectedResult;
    if (!isPlainObject(r) || typeof r.ExecutionStatus !== "string") fail(file, "ExpectedResult.ExecutionStatus", "must be a status");
    req.expectedResult = { ExecutionStatus: r.ExecutionStatus, hasResult: "Result" in r, Result: r.Result ?? null };
  }
  if (doc.AsyncConfig !== undefined && doc.AsyncConfig !== null) {
    const c = doc.AsyncConfig;
    if (!isPlainObject(c)) fail(file, "AsyncConfig", "must be a map");
    req.pollIntervalSeconds = seconds(file, "AsyncConfig.PollIntervalSeconds", c.PollIntervalSeconds, 2);
    req.noProgressTimeoutSeconds = seconds(file, "AsyncConfig.NoProgressTimeoutSeconds", c.NoProgressTimeoutSeconds, 30);
  }
  return req;
}

/** `1-10` after `1-9`: ids compare number by number. */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/[^0-9]+/).map(Number);
  const pb = b.split(/[^0-9]+/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

export interface Selection {
  suites?: string[];
  ids?: string[];
}

/** Every requirement under `dir` (one folder per suite), filtered and in id order. */
export function discoverRequirements(dir: string, selection: Selection = {}): Requirement[] {
  const suites = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .filter((name) => !selection.suites?.length || selection.suites.includes(name));
  const out: Requirement[] = [];
  for (const suite of suites) {
    for (const name of readdirSync(join(dir, suite))) {
      if (!/\.ya?ml$/.test(name)) continue;
      const id = name.replace(/\.ya?ml$/, "");
      if (selection.ids?.length && !selection.ids.includes(id)) continue;
      const file = join(dir, suite, name);
      try {
        out.push(loadRequirement(file, suite));
      } catch (e) {
        out.push({ ...unreadable(file, suite, id), loadError: (e as Error).message });
      }
    }
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}
