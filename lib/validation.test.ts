import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { parseExecutionArnParam, parseExecutionsQuery, parseFunctionNameParam } from "./validation";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:order-processor:$LATEST/durable-execution/order-1001/0f1e2d3c";

function badRequest(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).status).toBe(400);
    return e as HttpError;
  }
  throw new Error("expected an HttpError");
}

describe("parseExecutionsQuery", () => {
  it("defaults to all statuses, newest first", () => {
    expect(parseExecutionsQuery(new URLSearchParams(""))).toEqual({ status: [], order: "newest" });
    expect(parseExecutionsQuery(new URLSearchParams("qualifier=&startedAfter="))).toEqual({ status: [], order: "newest" });
  });

  it("reads repeated and comma-separated statuses and the other fields", () => {
    const q = parseExecutionsQuery(new URLSearchParams("status=RUNNING&status=FAILED,TIMED_OUT&name=order-1001&marker=abc&maxItems=25&order=oldest"));
    expect(q).toEqual({ status: ["RUNNING", "FAILED", "TIMED_OUT"], name: "order-1001", marker: "abc", maxItems: 25, order: "oldest" });
  });

  it("reads the qualifier and the start-time window", () => {
    const q = parseExecutionsQuery(
      new URLSearchParams("qualifier=prod&startedAfter=2026-01-01T00:00:00.000Z&startedBefore=2026-01-02T12:30:00Z"),
    );
    expect(q.qualifier).toBe("prod");
    expect(q.startedAfter?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(q.startedBefore?.toISOString()).toBe("2026-01-02T12:30:00.000Z");
    expect(parseExecutionsQuery(new URLSearchParams("qualifier=$LATEST")).qualifier).toBe("$LATEST");
  });

  it.each([
    ["qualifier=a%20b", 'Invalid query parameter "qualifier": must be a version, $LATEST or an alias name'],
    ["startedAfter=yesterday", 'Invalid query parameter "startedAfter": must be an ISO 8601 timestamp'],
    ["startedBefore=2026-13-45T00:00:00Z", 'Invalid query parameter "startedBefore"'],
    [
      "startedAfter=2026-01-02T00:00:00Z&startedBefore=2026-01-01T00:00:00Z",
      'Invalid query parameter "startedAfter": must not be later than "startedBefore"',
    ],
    ["status=DONE", 'Invalid query parameter "status"'],
    ["maxItems=0", 'Invalid query parameter "maxItems": must be at least 1'],
    ["maxItems=1001", 'Invalid query parameter "maxItems": must be at most 1000'],
    ["maxItems=ten", 'Invalid query parameter "maxItems"'],
    ["maxItems=2.5", 'Invalid query parameter "maxItems": must be a whole number'],
    ["order=sideways", 'Invalid query parameter "order": must be "newest" or "oldest"'],
    ["name=has%20space", 'Invalid query parameter "name"'],
  ])("rejects %s naming the field", (query, message) => {
    expect(badRequest(() => parseExecutionsQuery(new URLSearchParams(query))).message).toContain(message);
  });
});

describe("path parameters", () => {
  it("decodes and accepts a durable execution ARN", () => {
    expect(parseExecutionArnParam(encodeURIComponent(ARN))).toBe(ARN);
    expect(parseExecutionArnParam(ARN)).toBe(ARN);
  });

  it("rejects a malformed ARN with a clear message", () => {
    const err = badRequest(() => parseExecutionArnParam("not-an-arn"));
    expect(err.message).toMatch(/^Malformed durable execution ARN: "not-an-arn"/);
    expect(badRequest(() => parseExecutionArnParam("%E0%A4%A")).message).toContain("Malformed durable execution ARN");
  });

  it("accepts function names and rejects junk", () => {
    expect(parseFunctionNameParam("order-processor")).toBe("order-processor");
    expect(parseFunctionNameParam("order-processor%3Aprod")).toBe("order-processor:prod");
    expect(badRequest(() => parseFunctionNameParam("no spaces please")).message).toBe('Invalid function name: "no spaces please"');
  });
});
