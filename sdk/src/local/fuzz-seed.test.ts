// The fuzz and chaos seed: fixed unless asked otherwise, so `npm test` fails the same way twice.
import { describe, expect, it } from "vitest";
import { DEFAULT_FUZZ_SEED, parseFuzzSeed } from "./fuzz.test-support.js";

describe("the fuzz seed (DURABLE_LENS_FUZZ_SEED)", () => {
  it("is the same fixed seed on every run when the variable is unset or empty", () => {
    expect(parseFuzzSeed(undefined)).toBe(DEFAULT_FUZZ_SEED);
    expect(parseFuzzSeed("")).toBe(DEFAULT_FUZZ_SEED);
  });

  it("replays a given seed", () => {
    expect(parseFuzzSeed("12345")).toBe(12345);
  });

  it("explores with a fresh seed only when asked for `random`", () => {
    const seeds = new Set(Array.from({ length: 20 }, () => parseFuzzSeed("random")));
    expect(seeds.size).toBeGreaterThan(1);
    for (const seed of seeds) expect(Number.isSafeInteger(seed)).toBe(true);
  });

  it("refuses a value that is neither a number nor `random`", () => {
    expect(() => parseFuzzSeed("abc")).toThrow(/DURABLE_LENS_FUZZ_SEED/);
    expect(() => parseFuzzSeed("1.5")).toThrow(/DURABLE_LENS_FUZZ_SEED/);
  });
});
