import { describe, expect, it } from "vitest";
import { applyJitter, createLinearRetryStrategy, createRetryStrategy, JitterStrategy, retryPresets } from "./retry.js";

const err = (message: string) => new Error(message);

describe("createRetryStrategy", () => {
  it("backs off exponentially up to the maximum and stops at maxAttempts", () => {
    const s = createRetryStrategy({ maxAttempts: 5, initialDelay: { seconds: 2 }, maxDelay: { seconds: 10 }, jitter: JitterStrategy.NONE });
    expect([1, 2, 3, 4].map((n) => s(err("x"), n))).toEqual([
      { shouldRetry: true, delay: { seconds: 2 } },
      { shouldRetry: true, delay: { seconds: 4 } },
      { shouldRetry: true, delay: { seconds: 8 } },
      { shouldRetry: true, delay: { seconds: 10 } },
    ]);
    expect(s(err("x"), 5)).toEqual({ shouldRetry: false });
  });

  it("retries only matching errors when filters are given", () => {
    class Throttled extends Error {}
    const s = createRetryStrategy({ retryableErrors: ["timeout", /^5\d\d/], retryableErrorTypes: [Throttled], jitter: JitterStrategy.NONE });
    expect(s(err("socket timeout"), 1).shouldRetry).toBe(true);
    expect(s(err("503 unavailable"), 1).shouldRetry).toBe(true);
    expect(s(new Throttled("slow down"), 1).shouldRetry).toBe(true);
    expect(s(err("bad request"), 1).shouldRetry).toBe(false);
  });

  it("replaces the delay with jitter rather than adding to it", () => {
    expect(applyJitter(10, JitterStrategy.FULL, () => 0.5)).toBe(5);
    expect(applyJitter(10, JitterStrategy.HALF, () => 0)).toBe(5);
    expect(applyJitter(10, JitterStrategy.HALF, () => 1)).toBe(10);
    expect(applyJitter(10, JitterStrategy.NONE, () => 0.3)).toBe(10);
  });

  it("never asks for less than one second and the default preset allows six attempts", () => {
    for (let i = 0; i < 50; i++) {
      const d = retryPresets.default(err("x"), 1);
      expect(d.shouldRetry).toBe(true);
      expect((d.delay as { seconds: number }).seconds).toBeGreaterThanOrEqual(1);
      expect((d.delay as { seconds: number }).seconds).toBeLessThanOrEqual(5);
    }
    expect(retryPresets.default(err("x"), 6).shouldRetry).toBe(false);
    expect(retryPresets.noRetry(err("x"), 1).shouldRetry).toBe(false);
  });
});

describe("createLinearRetryStrategy", () => {
  it("adds the increment per attempt up to the maximum, and the linear preset waits 1..5 s", () => {
    const s = createLinearRetryStrategy({ maxAttempts: 5, initialDelay: { seconds: 2 }, increment: { seconds: 3 }, maxDelay: { seconds: 9 }, jitter: JitterStrategy.NONE });
    expect([1, 2, 3, 4].map((n) => s(err("x"), n).delay)).toEqual([{ seconds: 2 }, { seconds: 5 }, { seconds: 8 }, { seconds: 9 }]);
    expect(s(err("x"), 5)).toEqual({ shouldRetry: false });
    expect([1, 2, 3, 4, 5].map((n) => retryPresets.linear(err("x"), n).delay)).toEqual([1, 2, 3, 4, 5].map((seconds) => ({ seconds })));
    expect(retryPresets.linear(err("x"), 6).shouldRetry).toBe(false);
    expect(createLinearRetryStrategy({ retryableErrors: ["timeout"] })(err("denied"), 1).shouldRetry).toBe(false);
  });
});
