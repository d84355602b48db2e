import { describe, expect, it } from "vitest";
import { pyEquals, pyJsonDumps, pySearch, pyStr } from "./python.js";

describe("pyEquals: Python ==", () => {
  it("compares numbers by value and bools as 0/1, but never a string with a number", () => {
    expect(pyEquals(1, 1.0)).toBe(true);
    expect(pyEquals(true, 1)).toBe(true);
    expect(pyEquals(false, 0)).toBe(true);
    expect(pyEquals("1", 1)).toBe(false);
    expect(pyEquals("true", true)).toBe(false);
  });

  it("compares containers deeply, dicts by their full key set", () => {
    expect(pyEquals({ a: [1, { b: null }] }, { a: [1.0, { b: null }] })).toBe(true);
    expect(pyEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(pyEquals([1, 2], [1, 2, 3])).toBe(false);
    expect(pyEquals(null, undefined)).toBe(true);
    expect(pyEquals(null, 0)).toBe(false);
  });
});

describe("pyStr: Python str()", () => {
  it("formats scalars as Python prints them", () => {
    expect(pyStr(true)).toBe("True");
    expect(pyStr(null)).toBe("None");
    expect(pyStr(5)).toBe("5");
    expect(pyStr("plain")).toBe("plain");
  });

  it("formats containers with repr'd members", () => {
    expect(pyStr({ a: "x", b: [1, null, false] })).toBe("{'a': 'x', 'b': [1, None, False]}");
    expect(pyStr(["it's"])).toBe(`["it's"]`);
  });
});

describe("pyJsonDumps: json.dumps with its defaults", () => {
  it("uses Python's separators and keeps key order", () => {
    expect(pyJsonDumps({ b: 1, a: [true, null, "x"] })).toBe('{"b": 1, "a": [true, null, "x"]}');
  });

  it("escapes everything outside ASCII as \\uXXXX", () => {
    expect(pyJsonDumps("é\u{1F600}\n\"")).toBe('"\\u00e9\\ud83d\\ude00\\n\\""');
  });

  it("sends an empty Input as null and a string as a JSON string", () => {
    expect(pyJsonDumps(null)).toBe("null");
    expect(pyJsonDumps("World")).toBe('"World"');
  });
});

describe("pySearch: re.search", () => {
  it("searches anywhere in the text and accepts Python's named groups", () => {
    expect(pySearch("^[0-5]$", "3")).toBe(true);
    expect(pySearch("^[0-5]$", "13")).toBe(false);
    expect(pySearch("(?P<n>\\d+)s", "after 10s")).toBe(true);
  });

  it("turns leading global flags such as (?i) into RegExp flags", () => {
    expect(pySearch("(?i)context", "CONTEXT")).toBe(true);
    expect(pySearch("(?i)^parallel$", "Parallel")).toBe(true);
    expect(pySearch("(?s)a.b", "a\nb")).toBe(true);
    expect(pySearch("a.b", "a\nb")).toBe(false);
  });

  it("names the pattern it cannot compile", () => {
    expect(() => pySearch("(unclosed", "x")).toThrow(/invalid pattern \/\(unclosed\//);
  });
});
