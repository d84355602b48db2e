/**
 * Reads a payload string for display: JSON when it parses, text otherwise, so a tree viewer can
 * show structure without ever treating the payload as markup.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ReadPayload = { kind: "json"; value: JsonValue; pretty: string } | { kind: "text"; text: string };

/**
 * Parses a payload; anything that is not JSON stays text.
 *
 * @example readPayload('{"a":1}') // { kind: "json", value: { a: 1 }, pretty: "{\n  \"a\": 1\n}" }
 */
export function readPayload(payload: string): ReadPayload {
  const trimmed = payload.trim();
  if (trimmed === "") return { kind: "text", text: payload };
  try {
    const value = JSON.parse(trimmed) as JsonValue;
    return { kind: "json", value, pretty: JSON.stringify(value, null, 2) };
  } catch {
    return { kind: "text", text: payload };
  }
}

/**
 * A one-line hint of a closed object or array: `{3 keys}`, `[120 items]`.
 *
 * @example containerSummary([1, 2]) // "[2 items]"
 */
export function containerSummary(value: JsonValue[] | { [key: string]: JsonValue }): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? "item" : "items"}]`;
  const n = Object.keys(value).length;
  return `{${n} ${n === 1 ? "key" : "keys"}}`;
}
