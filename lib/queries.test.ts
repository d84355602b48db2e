import { describe, expect, it } from "vitest";
import { executionsUrl, isUnreachable, queryKeys, retryDelay, shouldRetry, ApiRequestError } from "./queries";

describe("executionsUrl", () => {
  const now = Date.parse("2026-03-10T12:00:00.000Z");

  it("sends every criterion the route reads, with the time range resolved at request time", () => {
    const url = new URL(
      executionsUrl(
        "order-processor",
        { statuses: ["RUNNING", "FAILED"], name: "order", range: "24h", order: "oldest", qualifier: "prod", marker: "m1", prev: [""] },
        now,
      ),
      "http://x",
    );
    expect(url.pathname).toBe("/api/functions/order-processor/executions");
    expect(url.searchParams.getAll("status")).toEqual(["RUNNING", "FAILED"]);
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k !== "status"))).toEqual({
      name: "order",
      startedAfter: "2026-03-09T12:00:00.000Z",
      qualifier: "prod",
      marker: "m1",
      order: "oldest",
      maxItems: "50",
    });
  });

  it("encodes a function name with a qualifier as one path segment", () => {
    expect(executionsUrl("f:prod", { statuses: [], order: "newest", prev: [] }, now)).toBe("/api/functions/f%3Aprod/executions?order=newest&maxItems=50");
  });

  it("keys the cache by the page asked for, not by how the user got there", () => {
    const a = queryKeys.executions("f", { statuses: [], order: "newest", marker: "m2", prev: ["", "m1"] });
    const b = queryKeys.executions("f", { statuses: [], order: "newest", marker: "m2", prev: [] });
    expect(a).toEqual(b);
  });
});

describe("shouldRetry", () => {
  it("retries server failures twice, never client errors", () => {
    expect(shouldRetry(0, new ApiRequestError(502, "UpstreamError", "failed"))).toBe(true);
    expect(shouldRetry(2, new ApiRequestError(502, "UpstreamError", "failed"))).toBe(false);
    expect(shouldRetry(0, new ApiRequestError(404, "NotFound", "gone"))).toBe(false);
  });

  it("keeps retrying while the service or the server does not answer, so a page recovers by itself", () => {
    expect(shouldRetry(50, new ApiRequestError(503, "ServiceUnreachable", "down"))).toBe(true);
    expect(shouldRetry(50, new ApiRequestError(0, "NetworkError", "server gone"))).toBe(true);
    expect(isUnreachable(new ApiRequestError(503, "Throttled", "slow down"))).toBe(false);
    expect(retryDelay(1)).toBe(2000);
    expect(retryDelay(10)).toBe(5000);
  });
});
