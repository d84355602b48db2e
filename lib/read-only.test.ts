import { describe, expect, it } from "vitest";
import { isReadOnly } from "./read-only";

describe("isReadOnly", () => {
  it("is off when unset or set to an off word", () => {
    for (const value of [undefined, "", "0", "false", "No", " off "]) expect(isReadOnly({ DURABLE_LENS_READ_ONLY: value }), String(value)).toBe(false);
  });

  it("is on for on words and, to be safe, for anything it does not recognise", () => {
    for (const value of ["1", "true", "yes", "on", "ture", "enabled"]) expect(isReadOnly({ DURABLE_LENS_READ_ONLY: value }), value).toBe(true);
  });
});
