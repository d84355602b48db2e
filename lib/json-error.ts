/**
 * Where and why a text is not JSON. `JSON.parse` says so differently in every engine and version,
 * and often without a position ("Unexpected token 'a', "abc" is not valid JSON"), so a small
 * scanner of our own finds the first mistake. It only runs after `JSON.parse` has failed.
 */

export interface JsonSyntaxError {
  /** 0-based offset of the offending character (the text's length at an unexpected end). */
  position: number;
  /** 1-based line and column of `position`. */
  line: number;
  column: number;
  /** What was expected or found, e.g. "expected ',' or '}' after a property value". */
  reason: string;
  /** The text around the position on its line, for showing next to the message. */
  excerpt: string;
  /** Where `position` falls in `excerpt` (0-based), to point at it. */
  excerptColumn: number;
}

class Stop {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {}
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
/** Deeper than any history; past it the scanner gives up instead of overflowing the stack. */
const MAX_DEPTH = 2000;

function scan(text: string): void {
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const fail = (reason: string): never => {
    if (i < text.length) throw new Stop(i, reason);
    throw new Stop(i, `the file ends too early (${reason.replace(/, found the end of the file$/, "")})`);
  };
  const describeHere = () => {
    if (i >= text.length) return "the end of the file";
    const c = text[i]!;
    return c.charCodeAt(0) < 0x20 ? `character ${c.charCodeAt(0)}` : `'${c}'`;
  };

  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail("a string is not closed");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail("a control character (such as a line break) inside a string");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail("\\u must be followed by four hex digits");
          }
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) {
          i++;
          fail(`invalid escape \\${e ?? ""} in a string`);
        }
        i += 2;
        continue;
      }
      i++;
    }
  };

  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`expected a value, found ${describeHere()}`);
    i += m[0].length;
    if (/^[0-9.eE]/.test(text[i] ?? "")) fail("a malformed number");
  };

  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail("nesting is too deep");
    skip();
    const c = text[i];
    if (c === "{") return object(depth + 1);
    if (c === "[") return array(depth + 1);
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`expected a value, found ${describeHere()}`);
  };

  const array = (depth: number) => {
    i++;
    skip();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      value(depth);
      skip();
      if (text[i] === ",") {
        i++;
        skip();
        if (text[i] === "]") fail("a trailing comma before ']'");
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail(`expected ',' or ']' after an array element, found ${describeHere()}`);
    }
  };

  const object = (depth: number) => {
    i++;
    skip();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      skip();
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
      string();
      skip();
      if (text[i] !== ":") fail(`expected ':' after a property name, found ${describeHere()}`);
      i++;
      value(depth);
      skip();
      if (text[i] === ",") {
        i++;
        skip();
        if (text[i] === "}") fail("a trailing comma before '}'");
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail(`expected ',' or '}' after a property value, found ${describeHere()}`);
    }
  };

  value(0);
  skip();
  if (i < text.length) fail(`unexpected ${describeHere()} after the end of the JSON value`);
}

function locate(text: string, position: number): Pick<JsonSyntaxError, "line" | "column" | "excerpt" | "excerptColumn"> {
  let line = 1;
  let lineStart = 0;
  for (let j = 0; j < position && j < text.length; j++) {
    if (text.charCodeAt(j) === 0x0a) {
      line++;
      lineStart = j + 1;
    }
  }
  const lineEnd = text.indexOf("\n", position);
  const from = Math.max(lineStart, position - 30);
  const to = Math.min(lineEnd === -1 ? text.length : lineEnd, position + 30);
  const lead = from > lineStart ? "…" : "";
  const excerpt = `${lead}${text.slice(from, to).replace(/\r$/, "")}${to < (lineEnd === -1 ? text.length : lineEnd) ? "…" : ""}`;
  return { line, column: position - lineStart + 1, excerpt, excerptColumn: lead.length + position - from };
}

/**
 * The first syntax mistake in a text that is not JSON, or undefined when it is valid JSON.
 *
 * @example findJsonSyntaxError('{"a": 1,}')?.reason // "a trailing comma before '}'"
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    scan(text);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { position: e.position, reason: e.reason, ...locate(text, e.position) };
    // A stack overflow on absurd nesting: say where the text starts, which is all that is certain.
    return { position: 0, reason: "the JSON is nested too deeply to read", ...locate(text, 0) };
  }
}
