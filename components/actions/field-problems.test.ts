import { describe, expect, it } from "vitest";
import { jsonInputProblem } from "./field-problems";

describe("jsonInputProblem", () => {
  it("accepts empty text and any JSON value within the limit", () => {
    for (const text of ["", "  ", "true", '"approved"', '{"approved":true}', "[1,2]"]) expect(jsonInputProblem("result", text, 100), text).toBeUndefined();
  });

  it("says where the JSON breaks", () => {
    expect(jsonInputProblem("result", '{"approved": tru}', 100)).toMatch(/^Not valid JSON: line 1, column 14: /);
    expect(jsonInputProblem("result", '{"a":', 100)).toMatch(/^Not valid JSON: line 1, column 6: the text ends too early/);
  });

  it("names the field and the limit when the text is too large", () => {
    expect(jsonInputProblem("payload", JSON.stringify("é".repeat(60)), 100)).toBe('"payload" is 122 B (122 bytes); Lambda accepts at most 100 B (100 bytes).');
  });
});
