// Bad input, generated: a seeded random source, JSON values of every wrong type for a field, and
// a mutator that turns a valid request body into invalid ones that each name the field they
// spoil. Shared by the fuzz tests of the local service and of the app's route handlers; it
// knows nothing of either, only of JSON bodies and the message a refusal should carry.

/** Deterministic PRNG (mulberry32): the same seed gives the same cases, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed `npm test` uses when DURABLE_LENS_FUZZ_SEED is unset: fixed, so a failure comes back on the next run. */
export const DEFAULT_FUZZ_SEED = 20261207;

/**
 * The seed of this run, from DURABLE_LENS_FUZZ_SEED: unset, the fixed DEFAULT_FUZZ_SEED; a number,
 * that seed (to replay a failure); `random`, a fresh one (opt-in exploration). Printed, so a
 * failing run says how to repeat itself.
 *
 * @example const rnd = seededRandom(fuzzSeed("app routes"));
 */
export function fuzzSeed(label: string, env: string | undefined = process.env.DURABLE_LENS_FUZZ_SEED): number {
  const seed = parseFuzzSeed(env);
  console.log(`[fuzz] ${label}: seed ${seed} (repeat with DURABLE_LENS_FUZZ_SEED=${seed})`);
  return seed;
}

/** DURABLE_LENS_FUZZ_SEED's value as a seed; anything but unset, `random` or an integer is a mistake worth stopping for. */
export function parseFuzzSeed(env: string | undefined): number {
  if (env === undefined || env.trim() === "") return DEFAULT_FUZZ_SEED;
  if (env.trim().toLowerCase() === "random") return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(env);
  if (!Number.isSafeInteger(seed)) throw new Error(`DURABLE_LENS_FUZZ_SEED must be an integer or "random", not ${JSON.stringify(env)}`);
  return seed;
}

export type Random = () => number;

export const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (rnd: Random, below: number) => Math.floor(rnd() * below);

/** The JSON type a field must have. `object` and `array` members are described by their own specs. */
export type FieldType = "string" | "integer" | "boolean" | "object" | "array" | "string[]";

/** A path into a JSON body: keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** How a refusal's message should name a field: `Updates[0].WaitOptions.WaitSeconds`. */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${key}`;
  return out;
}

/** One field of a request body: its type, and values of that type the service must still refuse. */
export interface FieldSpec {
  path: JsonPath;
  type: FieldType;
  /** Refused when left out. */
  required?: boolean;
  /** Values of the right JSON type that are still invalid (empty, too long, out of range, a NUL...). */
  badValues?: readonly unknown[];
  /**
   * What the refusal of a bad value says, when it names the problem by something other than the
   * field's path (e.g. "Invalid Checkpoint Token" for a stale token). Defaults to the path.
   */
  names?: RegExp;
}

/** Hand-picked values of each JSON type, including the ones parsers trip on. */
const SAMPLES: Record<"string" | "number" | "boolean" | "null" | "array" | "object", readonly unknown[]> = {
  string: ["", "5", "true", "null", "{}", "\u0000", "ü", "a\nb"],
  number: [0, -1, 5, 1.5, 1e308, -0],
  boolean: [true, false],
  null: [null],
  array: [[], ["a"], [1, 2], [null], [[[]]]],
  // An own "__proto__" key, as JSON.parse makes one: it must not reach an object's prototype.
  object: [{}, { a: 1 }, JSON.parse('{"__proto__":{"x":1}}'), { length: 1 }],
};

/** Which sample groups are of the wrong JSON type for a field. */
function wrongGroups(type: FieldType): (keyof typeof SAMPLES)[] {
  switch (type) {
    case "string":
      return ["number", "boolean", "null", "array", "object"];
    case "integer":
      return ["string", "boolean", "null", "array", "object"];
    case "boolean":
      return ["string", "number", "null", "array", "object"];
    case "object":
      return ["string", "number", "boolean", "null", "array"];
    case "array":
      return ["string", "number", "boolean", "null", "object"];
    case "string[]":
      return ["string", "number", "boolean", "null", "object"];
  }
}

/** Every hand-picked value of the wrong type for `type` (for string lists, also lists holding a non-string). */
export function wrongTypeValues(type: FieldType): unknown[] {
  const values = wrongGroups(type).flatMap((g) => SAMPLES[g]);
  if (type === "string[]") values.push([5], [null], [["a"]], ["a", {}]);
  return values;
}

/** A random JSON value of the given group, nested up to `depth`. */
function randomOf(rnd: Random, group: keyof typeof SAMPLES, depth: number): unknown {
  switch (group) {
    case "string": {
      const alphabet = ["a", "Z", "0", " ", "\u0000", "\u001f", "\"", "\\", "ü", "😀", "\ud800", "/", ".."];
      return Array.from({ length: int(rnd, 12) }, () => pick(rnd, alphabet)).join("");
    }
    case "number":
      return pick(rnd, [int(rnd, 1000), -int(rnd, 1000), rnd() * 1e6, Number.MAX_SAFE_INTEGER + 2, -1e-9]);
    case "boolean":
      return rnd() < 0.5;
    case "null":
      return null;
    case "array":
      return Array.from({ length: depth > 0 ? int(rnd, 4) : 0 }, () => randomValue(rnd, depth - 1));
    case "object":
      return Object.fromEntries(Array.from({ length: depth > 0 ? int(rnd, 4) : 0 }, (_, i) => [`k${i}`, randomValue(rnd, depth - 1)]));
  }
}

function randomValue(rnd: Random, depth: number): unknown {
  return randomOf(rnd, pick(rnd, Object.keys(SAMPLES) as (keyof typeof SAMPLES)[]), depth);
}

/** A random value of the wrong JSON type for `type`. */
export function randomWrongValue(rnd: Random, type: FieldType): unknown {
  const value = randomOf(rnd, pick(rnd, wrongGroups(type)), 3);
  // A list for a string list must hold a non-string to be wrong.
  if (type === "string[]" && Array.isArray(value)) return [...value, int(rnd, 10)];
  return value;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function setAt(body: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const out = clone(body) as Record<string | number, unknown>;
  let node = out;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return out;
}

function deleteAt(body: unknown, path: JsonPath): unknown {
  const out = clone(body) as Record<string | number, unknown>;
  let node = out;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
  return out;
}

/** A request body the service must refuse, and what its refusal must say. */
export interface BodyCase {
  label: string;
  body: string | Uint8Array;
  names: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const namesPath = (spec: FieldSpec) => spec.names ?? new RegExp(escape(formatPath(spec.path)));

/** Short, printable description of a value for a case label. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text;
}

/**
 * The systematic cases of one body: every field × every wrong-typed sample, every type-correct
 * bad value, and every required field left out.
 */
export function tableCases(base: unknown, fields: readonly FieldSpec[]): BodyCase[] {
  const cases: BodyCase[] = [];
  for (const spec of fields) {
    const at = formatPath(spec.path);
    for (const v of wrongTypeValues(spec.type)) {
      cases.push({ label: `${at} = ${show(v)} (wrong type)`, body: JSON.stringify(setAt(base, spec.path, v)), names: new RegExp(escape(at)) });
    }
    for (const v of spec.badValues ?? []) {
      cases.push({ label: `${at} = ${show(v)} (bad value)`, body: JSON.stringify(setAt(base, spec.path, v)), names: namesPath(spec) });
    }
    if (spec.required) cases.push({ label: `${at} missing`, body: JSON.stringify(deleteAt(base, spec.path)), names: new RegExp(escape(at)) });
  }
  return cases;
}

/** The bytes of `text` with invalid UTF-8 spliced in at `at` (a lone continuation byte, an overlong NUL, a surrogate, a cut sequence). */
export function withInvalidUtf8(text: string, rnd: Random): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const bad = pick(rnd, [[0xff], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
  const at = int(rnd, bytes.length + 1);
  return new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at)]);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Refusal messages of the mutations that spoil the text rather than a field. */
export interface TextRefusals {
  invalidJson: RegExp;
  notAnObject: RegExp;
  invalidUtf8: RegExp;
}

/**
 * `count` random mutations of `base`, each guaranteed invalid: a wrong-typed or bad value in a
 * random field, a required field dropped, the text cut short or spliced with garbage, invalid
 * UTF-8, or a body that is JSON but no object.
 */
export function randomCases(rnd: Random, base: unknown, fields: readonly FieldSpec[], refusals: TextRefusals, count: number): BodyCase[] {
  const text = JSON.stringify(base);
  const cases: BodyCase[] = [];
  while (cases.length < count) {
    const n = cases.length;
    const kind = int(rnd, 7);
    const spec = pick(rnd, fields);
    const at = formatPath(spec.path);
    if (kind <= 1) {
      const v = randomWrongValue(rnd, spec.type);
      cases.push({ label: `#${n} ${at} = ${show(v)}`, body: JSON.stringify(setAt(base, spec.path, v)), names: new RegExp(escape(at)) });
    } else if (kind === 2 && spec.badValues?.length) {
      const v = pick(rnd, spec.badValues);
      cases.push({ label: `#${n} ${at} = ${show(v)}`, body: JSON.stringify(setAt(base, spec.path, v)), names: namesPath(spec) });
    } else if (kind === 3 && spec.required) {
      cases.push({ label: `#${n} ${at} dropped`, body: JSON.stringify(deleteAt(base, spec.path)), names: new RegExp(escape(at)) });
    } else if (kind === 4) {
      // Cut short, or garbage spliced in; kept only if that really broke the JSON.
      const cut = int(rnd, text.length);
      const spoilt = rnd() < 0.5 ? text.slice(0, cut) : `${text.slice(0, cut)}${pick(rnd, ["}", "]", ",", ":", "'", "\u0000", "NaN", "undefined", "//", "\\x"])}${text.slice(cut)}`;
      // An empty body means "no fields" to some routes, which may be valid: only spoilt text counts.
      if (spoilt.trim() !== "" && !isJson(spoilt)) cases.push({ label: `#${n} JSON spoilt at ${cut}`, body: spoilt, names: refusals.invalidJson });
    } else if (kind === 5) {
      cases.push({ label: `#${n} invalid UTF-8`, body: withInvalidUtf8(text, rnd), names: refusals.invalidUtf8 });
    } else if (kind === 6) {
      const v = pick(rnd, [[base], "text", 5, true, null, []]);
      cases.push({ label: `#${n} body = ${show(v)}`, body: JSON.stringify(v), names: refusals.notAnObject });
    }
  }
  return cases;
}
