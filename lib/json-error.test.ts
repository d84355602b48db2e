import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "./json-error";

describe("findJsonSyntaxError", () => {
  it("finds nothing wrong in valid JSON", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', "[]", ' "s" ', "0", '{"Events": []}']) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ["[1,2", 4, "the file ends too early (expected ',' or ']' after an array element)"],
    ['{"a":1,}', 7, "a trailing comma before '}'"],
    ["[1,\n2,\n]", 7, "a trailing comma before ']'"],
    ["abc", 0, "expected a value, found 'a'"],
    ["[1] x", 4, "unexpected 'x' after the end of the JSON value"],
    ['{"a" 1}', 5, "expected ':' after a property name, found '1'"],
    ["{a:1}", 1, "expected a property name in double quotes, found 'a'"],
    ['["\\x"]', 3, "invalid escape \\x in a string"],
    ['["\\u12G4"]', 4, "\\u must be followed by four hex digits"],
    ["[01]", 2, "a malformed number"],
    ['["a\nb"]', 3, "a control character (such as a line break) inside a string"],
    ['{"a": "b', 8, "the file ends too early (a string is not closed)"],
    ['[{"a":1} {"b":2}]', 9, "expected ',' or ']' after an array element, found '{'"],
    ["", 0, "the file ends too early (expected a value)"],
  ])("reports %j at position %i: %s", (text, position, reason) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(findJsonSyntaxError(text)).toMatchObject({ position, reason });
  });

  it("gives the line, column and the text around the mistake", () => {
    const text = '[\n  {"EventId": 1},\n  {"EventId": 2 "EventType": "StepStarted"}\n]';
    expect(findJsonSyntaxError(text)).toEqual({
      position: text.indexOf('"EventType"'),
      line: 3,
      column: 17,
      reason: "expected ',' or '}' after a property value, found '\"'",
      excerpt: '  {"EventId": 2 "EventType": "StepStarted"}',
      excerptColumn: 16,
    });
  });

  it("cuts long lines around the mistake", () => {
    const text = `[${"1,".repeat(100)}x]`;
    const found = findJsonSyntaxError(text)!;
    expect(found.column).toBe(202);
    expect(found.excerpt).toBe(`…${"1,".repeat(15)}x]`);
    expect(found.excerpt[found.excerptColumn]).toBe("x");
  });

  it("survives absurd nesting", () => {
    expect(findJsonSyntaxError("[".repeat(5000))?.reason).toBe("nesting is too deep");
  });
});
