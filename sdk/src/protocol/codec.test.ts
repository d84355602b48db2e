import { describe, expect, it } from "vitest";
import { parseTimestamp, reviveTimestamps, toEventJson, toWireJson } from "./codec.js";
import { parseDurableExecutionArn, parseFunctionName } from "./arn.js";
import { utf8Length } from "./limits.js";

describe("timestamp codecs", () => {
  it("writes API bodies in epoch seconds and invocation events in milliseconds", () => {
    const value = { Operations: [{ Id: "a", StartTimestamp: new Date(1767225600123), StepDetails: { Attempt: 1 } }] };
    expect(toWireJson(value)).toEqual({ Operations: [{ Id: "a", StartTimestamp: 1767225600.123, StepDetails: { Attempt: 1 } }] });
    expect(toEventJson(value)).toEqual({ Operations: [{ Id: "a", StartTimestamp: 1767225600123, StepDetails: { Attempt: 1 } }] });
  });

  it("reads every dialect back to Dates and drops what is not a time", () => {
    expect(reviveTimestamps<{ EventTimestamp: Date }>({ EventTimestamp: "2026-01-01T00:00:00.5Z" }).EventTimestamp.getTime()).toBe(1767225600500);
    expect(reviveTimestamps<{ EndTimestamp: Date }>({ EndTimestamp: 1767225600 }).EndTimestamp.getTime()).toBe(1767225600000);
    expect(reviveTimestamps<{ EndTimestamp: Date }>({ EndTimestamp: 1767225600000 }, "milliseconds").EndTimestamp.getTime()).toBe(1767225600000);
    expect(parseTimestamp("1767225600.5")?.getTime()).toBe(1767225600500);
    expect(reviveTimestamps<{ EventTimestamp?: Date }>({ EventTimestamp: "not a date" })).toEqual({});
  });
});

describe("ARNs and names", () => {
  it("parses a durable execution ARN and refuses malformed ones", () => {
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:my-func:$LATEST/durable-execution/order-42/3f1c2b7e-aaaa";
    expect(parseDurableExecutionArn(arn)).toMatchObject({ functionName: "my-func", version: "$LATEST", executionName: "order-42" });
    expect(parseDurableExecutionArn("arn:aws:lambda:us-east-1:123:function:f:$LATEST/durable-execution/a/b")).toBeUndefined();
    expect(parseDurableExecutionArn(`${arn}/../x`)).toBeUndefined();
  });

  it("accepts the function name forms Lambda accepts", () => {
    expect(parseFunctionName("my-func")).toEqual({ name: "my-func" });
    expect(parseFunctionName("my-func:prod")).toEqual({ name: "my-func", qualifier: "prod" });
    expect(parseFunctionName("arn:aws:lambda:us-west-2:123456789012:function:my-func:$LATEST")).toEqual({
      name: "my-func",
      qualifier: "$LATEST",
      region: "us-west-2",
      accountId: "123456789012",
    });
    expect(parseFunctionName("../etc/passwd")).toBeUndefined();
  });

  it("counts UTF-8 bytes", () => {
    expect(utf8Length("aé😀")).toBe(1 + 2 + 4);
  });
});
