import { describe, expect, it } from "vitest";
import { matchHistory, matchValue, resolvePlaceholders, substitute, type Bindings, type Difference } from "./matcher.js";

function match(expected: unknown, actual: unknown, bindings: Bindings = new Map()): Difference[] {
  const out: Difference[] = [];
  matchValue(expected, actual, "v", bindings, out);
  return out;
}

describe("matchValue", () => {
  it("binds ${NAME} on first sight, keeping the actual value's type", () => {
    const b: Bindings = new Map();
    expect(match("${ID}", 42, b)).toEqual([]);
    expect(b.get("ID")).toBe(42);
  });

  it("compares a bound ${NAME} with Python equality afterwards", () => {
    const b: Bindings = new Map([["ID", "abc"]]);
    expect(match("${ID}", "abc", b)).toEqual([]);
    expect(match("${ID}", "abd", b)).toEqual([{ path: "v", message: "${ID} is bound to abc", expected: "abc", actual: "abd" }]);
    expect(match("${N}", 1.0, new Map([["N", 1]]))).toEqual([]);
  });

  it("accepts anything for '*' and {}", () => {
    expect(match("*", { deep: [1] })).toEqual([]);
    expect(match({}, "a string")).toEqual([]);
    expect(match({}, undefined)).toEqual([]);
  });

  it("requires every expected key, even one expecting {} or '*'", () => {
    expect(match({ StepStartedDetails: {}, Name: "*" }, { Other: 1 })).toEqual([
      { path: "v.StepStartedDetails", message: "missing", expected: {} },
      { path: "v.Name", message: "missing", expected: "*" },
    ]);
  });

  it("checks only the keys it expects", () => {
    expect(match({ a: 1 }, { a: 1, b: 2, c: 3 })).toEqual([]);
  });

  it("searches ${/re/} in str(actual), numbers included", () => {
    expect(match("${/^[0-5]$/}", 4)).toEqual([]);
    expect(match("${/^([0-9]|10)$/}", 10)).toEqual([]);
    expect(match("${/^[0-5]$/}", 7)).toHaveLength(1);
    expect(match("${/.*TransientError$/}", "my.TransientError")).toEqual([]);
  });

  it("reports a pattern that does not compile as a difference", () => {
    expect(match("${/(oops/}", "x")).toEqual([{ path: "v", message: expect.stringMatching(/^invalid pattern/), expected: "${/(oops/}" }]);
  });

  it("needs lists of equal length and matches them element-wise", () => {
    expect(match([1, "${X}"], [1, "x"])).toEqual([]);
    expect(match([1, 2], [1, 2, 3])).toEqual([{ path: "v", message: "expected 2 items, got 3", expected: [1, 2], actual: [1, 2, 3] }]);
    expect(match([1, 2], [1, 3])[0]?.path).toBe("v[1]");
  });

  it("substitutes bound names inside a string before comparing", () => {
    const b: Bindings = new Map([["CB_PAYLOAD", "xyz"]]);
    expect(match('"${CB_PAYLOAD}"', '"xyz"', b)).toEqual([]);
    expect(match('"${CB_PAYLOAD}"', '"xy"', b)).toHaveLength(1);
  });

  it("leaves unbound names in a string as written, so they mismatch", () => {
    expect(match('"${NOPE}"', '"x"')).toEqual([{ path: "v", message: "differs", expected: '"${NOPE}"', actual: '"x"' }]);
  });

  it("compares scalars with Python ==: 1 equals 1.0, '1' does not equal 1", () => {
    expect(match(1, 1.0)).toEqual([]);
    expect(match("1", 1)).toHaveLength(1);
    expect(match(false, false)).toEqual([]);
  });

  it("reports a non-object where an object is expected", () => {
    expect(match({ Payload: {} }, "text")).toEqual([{ path: "v", message: "expected an object", expected: { Payload: {} }, actual: "text" }]);
  });
});

describe("matchHistory", () => {
  const actual = [
    { EventId: 1, EventType: "ExecutionStarted" },
    { EventId: 2, EventType: "StepStarted", Id: "s1" },
    { EventId: 3, EventType: "StepSucceeded", Id: "s1" },
    { EventId: 4, EventType: "InvocationCompleted" },
    { EventId: 5, EventType: "ExecutionSucceeded" },
  ];

  it("matches expected events by EventId and ignores events nobody expects", () => {
    const b: Bindings = new Map();
    const expected = [
      { EventType: "StepSucceeded", EventId: 3, Id: "${ID1}" },
      { EventType: "StepStarted", EventId: 2, Id: "${ID1}" },
    ];
    expect(matchHistory(expected, actual, b)).toEqual([]);
    expect(b.get("ID1")).toBe("s1");
  });

  it("shares bindings across events: a later event must agree with the first", () => {
    const two = [
      { EventId: 2, Id: "a" },
      { EventId: 3, Id: "b" },
    ];
    const differences = matchHistory([{ EventId: 2, Id: "${ID1}" }, { EventId: 3, Id: "${ID1}" }], two, new Map());
    expect(differences).toEqual([{ path: "Event[EventId=3].Id", message: "${ID1} is bound to a", expected: "a", actual: "b" }]);
  });

  it("does not bind a name from a missing key", () => {
    const b: Bindings = new Map();
    expect(matchHistory([{ EventId: 4, Id: "${ID2}" }], actual, b)).toEqual([{ path: "Event[EventId=4].Id", message: "missing", expected: "${ID2}" }]);
    expect(b.has("ID2")).toBe(false);
  });

  it("collects every difference rather than stopping at the first", () => {
    const differences = matchHistory(
      [
        { EventId: 2, EventType: "WaitStarted" },
        { EventId: 9, EventType: "InvocationCompleted" },
      ],
      actual,
      new Map(),
    );
    expect(differences.map((d) => d.path)).toEqual(["Event[EventId=2].EventType", "Event[EventId=9]"]);
    expect(differences[1]!.message).toBe("no such event (history has 5)");
  });
});

describe("placeholders", () => {
  it("substitutes str() of bound values and leaves unbound names", () => {
    const b: Bindings = new Map<string, unknown>([["A", "x"], ["N", true]]);
    expect(substitute("${A}-${N}-${B}", b)).toBe("x-True-${B}");
  });

  it("resolves whole-string names to the bound value itself", () => {
    const b: Bindings = new Map<string, unknown>([["N", 5], ["S", "s"]]);
    expect(resolvePlaceholders({ n: "${N}", list: ["${S}", "a ${S}"], keep: "${X}" }, b)).toEqual({ n: 5, list: ["s", "a s"], keep: "${X}" });
  });
});
