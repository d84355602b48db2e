/**
 * The expected-value rules of the official validator (js-sdk-api.md §5.3), over values
 * decoded from JSON: `{}` and `'*'` accept anything, `${NAME}` binds on first sight and
 * compares after, `${/re/}` searches `str(actual)`, expected dict keys must all exist, lists
 * match element-wise at equal length, and anything else compares with Python `==` after
 * the names a string mentions are substituted.
 */
import { isPlainObject, pyEquals, pySearch, pyStr } from "./python.js";

/** One way the actual value differs from the expected one. */
export interface Difference {
  /** Where, as the official validator names it: `Event[EventId=3].StepFailedDetails.Error`. */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** Names bound so far; shared by the history, the result and the logs of one requirement. */
export type Bindings = Map<string, unknown>;

const WHOLE_NAME = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const WHOLE_REGEX = /^\$\{\/([\s\S]*)\/\}$/;
const PART_NAME = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The name of a whole-string `${NAME}` placeholder, if `v` is one. */
export function placeholderName(v: unknown): string | undefined {
  return typeof v === "string" ? WHOLE_NAME.exec(v)?.[1] : undefined;
}

/** Replaces each bound `${NAME}` in `text` with `str(value)`; unbound ones stay as written. */
export function substitute(text: string, bindings: Bindings): string {
  return text.replace(PART_NAME, (whole, name: string) => (bindings.has(name) ? pyStr(bindings.get(name)) : whole));
}

/**
 * `value` with placeholders replaced throughout: a whole-string `${NAME}` by the bound value
 * itself (keeping its type), other strings textually.
 */
export function resolvePlaceholders(value: unknown, bindings: Bindings): unknown {
  if (typeof value === "string") {
    const name = placeholderName(value);
    if (name !== undefined && bindings.has(name)) return bindings.get(name);
    return substitute(value, bindings);
  }
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, bindings));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, bindings)]));
  return value;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Matches `actual` against `expected`, binding names and appending every difference found. */
export function matchValue(expected: unknown, actual: unknown, path: string, bindings: Bindings, out: Difference[]): void {
  if (isPlainObject(expected) && Object.keys(expected).length === 0) return;
  if (expected === "*") return;
  if (typeof expected === "string") {
    const name = WHOLE_NAME.exec(expected)?.[1];
    if (name !== undefined) {
      if (!bindings.has(name)) bindings.set(name, actual);
      else if (!pyEquals(bindings.get(name), actual)) {
        out.push({ path, message: `\${${name}} is bound to ${pyStr(bindings.get(name))}`, expected: bindings.get(name), actual });
      }
      return;
    }
    const regex = WHOLE_REGEX.exec(expected)?.[1];
    if (regex !== undefined) {
      try {
        if (!pySearch(regex, pyStr(actual))) out.push({ path, message: `does not match /${regex}/`, expected, actual });
      } catch (e) {
        out.push({ path, message: (e as Error).message, expected });
      }
      return;
    }
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) {
      out.push({ path, message: "expected an object", expected, actual });
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) out.push({ path: join(path, key), message: "missing", expected: value });
      else matchValue(value, actual[key], join(path, key), bindings, out);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, message: "expected a list", expected, actual });
      return;
    }
    if (actual.length !== expected.length) {
      out.push({ path, message: `expected ${expected.length} items, got ${actual.length}`, expected, actual });
      return;
    }
    expected.forEach((e, i) => matchValue(e, actual[i], `${path}[${i}]`, bindings, out));
    return;
  }
  const want = typeof expected === "string" ? substitute(expected, bindings) : expected;
  if (!pyEquals(want, actual)) out.push({ path, message: "differs", expected: want, actual });
}

/**
 * Matches each expected event to the actual event with the same EventId (so order and
 * numbering matter); actual events nobody expects are ignored.
 */
export function matchHistory(expected: unknown[], actual: Record<string, unknown>[], bindings: Bindings): Difference[] {
  const byId = new Map(actual.map((e) => [e.EventId, e] as const));
  const out: Difference[] = [];
  expected.forEach((exp, index) => {
    const id = isPlainObject(exp) ? exp.EventId : undefined;
    const path = `Event[EventId=${pyStr(id)}]`;
    if (!isPlainObject(exp) || typeof id !== "number") {
      out.push({ path: `ExpectedExecutionHistory[${index}]`, message: "an expected event needs a numeric EventId", expected: exp });
      return;
    }
    const event = byId.get(id);
    if (!event) {
      out.push({ path, message: `no such event (history has ${actual.length})`, expected: exp.EventType });
      return;
    }
    matchValue(exp, event, path, bindings, out);
  });
  return out;
}
