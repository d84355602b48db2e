/**
 * `ExpectedLogs` (js-sdk-api.md §5.4). The official runner reads CloudWatch with the filter
 * `$.durableExecutionArn = <arn> || $.executionArn = <arn>`, so only lines that are JSON
 * objects carrying the execution's ARN count; here the lines are the ones the functions of
 * one requirement printed, in the order they were printed.
 */
import { resolvePlaceholders, type Bindings, type Difference } from "./matcher.js";
import { isPlainObject, pyEquals, pySearch, pyStr } from "./python.js";

/** One printed line: its position in the run (the sort key `before`/`after` use) and text. */
export interface LogLine {
  seq: number;
  text: string;
}

export interface LogRecord {
  seq: number;
  fields: Record<string, unknown>;
}

export interface LogExpectation {
  match: Record<string, unknown>;
  count?: number;
  min_count?: number;
  max_count?: number;
  before?: Record<string, unknown>[];
  after?: Record<string, unknown>[];
}

/** The lines CloudWatch's execution filter would return for `arn`, parsed. */
export function executionLogRecords(lines: LogLine[], arn: string): LogRecord[] {
  const out: LogRecord[] = [];
  for (const line of lines) {
    let fields: unknown;
    try {
      fields = JSON.parse(line.text);
    } catch {
      continue;
    }
    if (isPlainObject(fields) && (fields.durableExecutionArn === arn || fields.executionArn === arn)) out.push({ seq: line.seq, fields });
  }
  return out;
}

/** One `match` field against a record's value: `/regex/` searches, other strings compare trimmed. */
function fieldMatches(expected: unknown, actual: unknown): boolean {
  if (typeof expected === "string") {
    if (expected.length >= 2 && expected.startsWith("/") && expected.endsWith("/")) return pySearch(expected.slice(1, -1), pyStr(actual));
    return (typeof actual === "string" ? actual : pyStr(actual)).trim() === expected.trim();
  }
  return pyEquals(expected, actual);
}

function recordMatches(match: Record<string, unknown>, record: LogRecord): boolean {
  return Object.entries(match).every(([key, want]) => key in record.fields && fieldMatches(want, record.fields[key]));
}

const describe = (match: Record<string, unknown>) => JSON.stringify(match);

/**
 * Checks every expectation: how many records match (`count` exactly, else `min_count` /
 * `max_count`, else at least one) and that they all come at-or-before / at-or-after every
 * record each anchor matches; an anchor that matches nothing is an error.
 */
export function checkLogs(expectations: LogExpectation[], records: LogRecord[], bindings: Bindings): Difference[] {
  const out: Difference[] = [];
  expectations.forEach((exp, i) => {
    try {
      checkOne(exp, `ExpectedLogs[${i}]`);
    } catch (e) {
      // An invalid pattern fails its own expectation; the others are still checked.
      out.push({ path: `ExpectedLogs[${i}]`, message: (e as Error).message });
    }
  });
  return out;

  function checkOne(exp: LogExpectation, path: string): void {
    const match = resolvePlaceholders(exp.match, bindings) as Record<string, unknown>;
    const hits = records.filter((r) => recordMatches(match, r));
    const n = hits.length;
    if (exp.count !== undefined) {
      if (n !== exp.count) out.push({ path: `${path}.count`, message: `${describe(match)} matched ${n} lines`, expected: exp.count, actual: n });
    } else if (exp.min_count !== undefined || exp.max_count !== undefined) {
      if (exp.min_count !== undefined && n < exp.min_count) out.push({ path: `${path}.min_count`, message: `${describe(match)} matched ${n} lines`, expected: exp.min_count, actual: n });
      if (exp.max_count !== undefined && n > exp.max_count) out.push({ path: `${path}.max_count`, message: `${describe(match)} matched ${n} lines`, expected: exp.max_count, actual: n });
    } else if (n < 1) {
      out.push({ path: `${path}.match`, message: `${describe(match)} matched no line`, expected: ">= 1", actual: 0 });
    }
    for (const side of ["before", "after"] as const) {
      (exp[side] ?? []).forEach((anchorSpec, j) => {
        const anchor = resolvePlaceholders(anchorSpec, bindings) as Record<string, unknown>;
        const anchors = records.filter((r) => recordMatches(anchor, r)).map((r) => r.seq);
        const at = `${path}.${side}[${j}]`;
        if (anchors.length === 0) {
          out.push({ path: at, message: `anchor ${describe(anchor)} matched no line` });
          return;
        }
        const wrong =
          side === "before" ? hits.find((h) => h.seq > Math.min(...anchors)) : hits.find((h) => h.seq < Math.max(...anchors));
        if (wrong) out.push({ path: at, message: `a line matching ${describe(match)} is not ${side} ${describe(anchor)}`, actual: wrong.fields });
      });
    }
  }
}
