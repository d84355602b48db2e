/**
 * Compares two payloads the way people read them: member by member when both are JSON, as
 * plain text when either is not (or was cut short by the service, so parsing it would fail or
 * mislead). Pure and browser-safe.
 */

/** A value as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where a change sits: object keys and array indexes from the root; empty for the root itself. */
export type JsonPath = ReadonlyArray<string | number>;

/** One difference between two JSON values. */
export interface JsonChange {
  kind: "added" | "removed" | "changed";
  path: JsonPath;
  /** The value on the left (absent for "added"); in a text comparison, the whole left text. */
  left?: JsonValue;
  /** The value on the right (absent for "removed"); in a text comparison, the whole right text. */
  right?: JsonValue;
}

/** The changes between two JSON values, in document order, capped so a huge payload stays cheap to show. */
export interface JsonDiff {
  changes: JsonChange[];
  /** Changes found beyond the cap, counted but not listed. */
  omitted: number;
}

/** A payload as one execution recorded it. */
export interface PayloadSide {
  text: string;
  /** The service kept only the start of it. */
  truncated: boolean;
}

/** How two payloads compare; no changes means they are the same. */
export interface PayloadComparison extends JsonDiff {
  /**
   * "json": compared member by member. "text": compared as strings, because the texts are equal
   * (no need to parse), one is not JSON, or one was truncated.
   */
  mode: "json" | "text";
  left?: PayloadSide;
  right?: PayloadSide;
}

/** Changes listed per comparison; a UI cannot usefully show more, and finding them stays linear. */
export const MAX_JSON_CHANGES = 200;

/** A path as a chain from its last key up to the root (undefined). */
interface PathLink {
  up: PathLink | undefined;
  key: string | number;
}

function spell(at: PathLink | undefined): JsonPath {
  const path: Array<string | number> = [];
  for (let link = at; link; link = link.up) path.push(link.key);
  return path.reverse();
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The changes that turn `left` into `right`. Arrays are compared index by index rather than by a
 * longest common subsequence: payload arrays are usually positional (a map's results), and an
 * index that means the same item on both sides is what makes a change easy to follow.
 *
 * @example diffJson({ a: 1, b: [1] }, { a: 2, b: [1, 2] }).changes // [{ kind: "changed", path: ["a"], left: 1, right: 2 }, { kind: "added", path: ["b", 1], right: 2 }]
 */
export function diffJson(left: JsonValue, right: JsonValue, limit = MAX_JSON_CHANGES): JsonDiff {
  const out: JsonDiff = { changes: [], omitted: 0 };
  // An explicit stack, because a deeply nested payload can outgrow the call stack. Entries are
  // pairs still to compare, or additions and removals already known; children are pushed in
  // reverse so they pop, and are reported, in document order. Paths are linked to their parent
  // and spelled out only for what is reported, so depth costs nothing.
  type Work = { at: PathLink | undefined; left?: JsonValue; right?: JsonValue; known?: "added" | "removed" };
  const record = (kind: JsonChange["kind"], { at, left: l, right: r }: Work) => {
    if (out.changes.length >= limit) {
      out.omitted++;
      return;
    }
    // An addition has no left value and a removal no right one, so each side is only what it holds.
    out.changes.push({ kind, path: spell(at), left: l, right: r });
  };
  const stack: Work[] = [{ at: undefined, left, right }];
  while (stack.length > 0) {
    const work = stack.pop()!;
    if (work.known) {
      record(work.known, work);
      continue;
    }
    const l = work.left!;
    const r = work.right!;
    if (l === r) continue;
    const children: Work[] = [];
    const child = (key: string | number, lv: JsonValue | undefined, rv: JsonValue | undefined) => {
      const at = { up: work.at, key };
      if (lv === undefined) children.push({ at, right: rv!, known: "added" });
      else if (rv === undefined) children.push({ at, left: lv, known: "removed" });
      else children.push({ at, left: lv, right: rv });
    };
    if (Array.isArray(l) && Array.isArray(r)) {
      for (let i = 0; i < Math.max(l.length, r.length); i++) child(i, l[i], r[i]);
    } else if (isObject(l) && isObject(r)) {
      for (const key of Object.keys(l)) child(key, l[key], Object.hasOwn(r, key) ? r[key] : undefined);
      for (const key of Object.keys(r)) if (!Object.hasOwn(l, key)) child(key, undefined, r[key]);
    } else {
      record("changed", work);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** A payload parsed as JSON, or undefined when it is not JSON. */
function parseJson(text: string): { value: JsonValue } | undefined {
  if (text.trim() === "") return undefined;
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch {
    return undefined;
  }
}

/**
 * Compares two recorded payloads (either may be absent). Equal texts are equal without parsing,
 * which keeps comparing two large, identical histories cheap.
 *
 * @example comparePayloads({ text: '{"a":1}', truncated: false }, { text: '{"a": 2}', truncated: false }).changes[0]?.path // ["a"]
 */
export function comparePayloads(left: PayloadSide | undefined, right: PayloadSide | undefined, limit = MAX_JSON_CHANGES): PayloadComparison {
  if (left?.text === right?.text) return { mode: "text", changes: [], omitted: 0, left, right };
  const truncated = left?.truncated === true || right?.truncated === true;
  const parsedLeft = left && !truncated ? parseJson(left.text) : undefined;
  const parsedRight = right && !truncated ? parseJson(right.text) : undefined;
  // JSON when every payload present parses; an absent side goes with either.
  const json = !truncated && (!left || parsedLeft !== undefined) && (!right || parsedRight !== undefined);
  if (json && parsedLeft && parsedRight) return { mode: "json", ...diffJson(parsedLeft.value, parsedRight.value, limit), left, right };
  const l = json ? parsedLeft?.value : left?.text;
  const r = json ? parsedRight?.value : right?.text;
  const kind = l === undefined ? "added" : r === undefined ? "removed" : "changed";
  return { mode: json ? "json" : "text", changes: [{ kind, path: [], left: l, right: r }], omitted: 0, left, right };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path for people, in JavaScript accessor syntax from `$` (the payload itself).
 *
 * @example formatJsonPath(["items", 0, "unit price"]) // '$.items[0]["unit price"]'
 */
export function formatJsonPath(path: JsonPath): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}
