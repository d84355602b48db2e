import { describe, expect, it } from "vitest";
import { mapLimited } from "./concurrency";

describe("mapLimited", () => {
  it("keeps the order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10 + i;
    });
    expect(out).toEqual([50, 11, 42, 23, 34]);
    expect(most).toBe(2);
  });

  it("answers an empty list without calling", async () => {
    expect(await mapLimited([], 3, async () => 1)).toEqual([]);
  });
});
