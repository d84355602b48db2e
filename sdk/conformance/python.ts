/**
 * The official validator is written in Python: values it compares went through PyYAML and
 * `json.loads`, and it compares them with `==`, formats them with `str()` and sends payloads
 * made by `json.dumps`. These helpers reproduce those three operations on JSON values.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Python `a == b`: numbers and bools compare by value (`True == 1`, `1 == 1.0`), containers deeply. */
export function pyEquals(a: unknown, b: unknown): boolean {
  const numeric = (v: unknown) => typeof v === "number" || typeof v === "boolean";
  if (numeric(a) && numeric(b)) return Number(a) === Number(b);
  if (a === null || a === undefined) return b === null || b === undefined;
  if (typeof a === "string") return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && pyEquals(a[k], b[k]));
  }
  return false;
}

function pyRepr(v: unknown): string {
  if (typeof v === "string") return pyStringRepr(v);
  return pyStr(v);
}

/** Python's repr of a str: single quotes unless the text holds a single quote and no double quote. */
function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

/** Python `str(v)` of a value decoded from JSON or YAML. */
export function pyStr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    return String(v);
  }
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${pyStringRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  return String(v);
}

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    // ensure_ascii=True: everything outside ASCII travels as \uXXXX (UTF-16 units, as Python writes them).
    else if (c < 0x20 || c > 0x7f) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/**
 * Python `json.dumps(v)` with its defaults: `", "` and `": "` separators and ASCII-only output.
 * The official runner sends requirement inputs and callback payloads this way.
 *
 * @example pyJsonDumps({ a: [1, "é"] }) // '{"a": [1, "\\u00e9"]}'
 */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
    return String(v);
  }
  if (typeof v === "string") return jsonString(v);
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(", ")}]`;
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${jsonString(k)}: ${pyJsonDumps(x)}`).join(", ")}}`;
  throw new TypeError(`Object of type ${typeof v} is not JSON serializable`);
}

/**
 * A Python pattern as a JavaScript RegExp: named groups `(?P<n>…)`, `\Z`, and leading global
 * flags such as `(?i)` (Node has no inline flags) are translated. Throws on an invalid pattern.
 */
export function pyRegex(pattern: string): RegExp {
  let js = pattern.replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, "(?<$1>").replace(/\\Z/g, "$(?![\\s\\S])");
  let flags = "";
  const inline = /^\(\?([aiLmsux]+)\)/.exec(js);
  if (inline) {
    js = js.slice(inline[0].length);
    if (inline[1]!.includes("x")) throw new SyntaxError(`invalid pattern /${pattern}/: verbose (?x) patterns are not supported`);
    // a, L and u change nothing for the ASCII patterns requirements use.
    flags = [...new Set(inline[1])].filter((f) => "ims".includes(f)).join("");
  }
  try {
    return new RegExp(js, flags);
  } catch (e) {
    throw new SyntaxError(`invalid pattern /${pattern}/: ${(e as Error).message}`);
  }
}

/** Python `re.search(pattern, text)`; throws on an invalid pattern. */
export function pySearch(pattern: string, text: string): boolean {
  return pyRegex(pattern).test(text);
}
