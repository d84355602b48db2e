import { describe, expect, it } from "vitest";
import { checkLogs, executionLogRecords, type LogLine } from "./logs.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/e/1";

function lines(...records: (Record<string, unknown> | string)[]): LogLine[] {
  return records.map((r, seq) => ({ seq, text: typeof r === "string" ? r : JSON.stringify(r) }));
}

describe("executionLogRecords", () => {
  it("keeps JSON object lines carrying the execution's ARN under either field", () => {
    const records = executionLogRecords(
      lines(
        { executionArn: ARN, message: "a" },
        { durableExecutionArn: ARN, plugin: "P" },
        { executionArn: "another", message: "b" },
        `plain text mentioning ${ARN}`,
        "[1, 2]",
      ),
      ARN,
    );
    expect(records.map((r) => r.seq)).toEqual([0, 1]);
  });
});

describe("checkLogs", () => {
  const records = executionLogRecords(
    lines(
      { executionArn: ARN, message: "start abc", level: "INFO" },
      { executionArn: ARN, message: "  step running abc  ", n: 1, first: true },
      { executionArn: ARN, message: "end", n: 2 },
    ),
    ARN,
  );

  it("counts lines by /regex/ and by trimmed exact text", () => {
    expect(checkLogs([{ match: { message: "/abc/" }, count: 2 }], records, new Map())).toEqual([]);
    expect(checkLogs([{ match: { message: "step running abc" }, count: 1 }], records, new Map())).toEqual([]);
    expect(checkLogs([{ match: { message: "/abc/" }, count: 1 }], records, new Map())[0]).toMatchObject({
      path: "ExpectedLogs[0].count",
      expected: 1,
      actual: 2,
    });
  });

  it("ANDs all fields and compares non-strings with Python ==", () => {
    expect(checkLogs([{ match: { message: "/abc/", first: true }, count: 1 }], records, new Map())).toEqual([]);
    expect(checkLogs([{ match: { n: 1.0 }, count: 1 }], records, new Map())).toEqual([]);
    expect(checkLogs([{ match: { missing: "x" }, count: 0 }], records, new Map())).toEqual([]);
  });

  it("expects at least one match by default, and honours min_count / max_count", () => {
    expect(checkLogs([{ match: { message: "nothing" } }], records, new Map())).toHaveLength(1);
    expect(checkLogs([{ match: { message: "/./" }, min_count: 3, max_count: 3 }], records, new Map())).toEqual([]);
    expect(checkLogs([{ match: { message: "/./" }, max_count: 2 }], records, new Map())[0]?.path).toBe("ExpectedLogs[0].max_count");
  });

  it("fills bound names into match fields, whole or inside a regex", () => {
    const b = new Map<string, unknown>([["INPUT", "abc"], ["N", 2]]);
    expect(checkLogs([{ match: { message: "/running ${INPUT}/", n: 1 }, count: 1 }, { match: { n: "${N}" }, count: 1 }], records, b)).toEqual([]);
  });

  it("requires every match to come at-or-after each anchor for `after`, before it for `before`", () => {
    expect(checkLogs([{ match: { message: "end" }, after: [{ message: "/start/" }, { n: 1 }] }], records, new Map())).toEqual([]);
    expect(checkLogs([{ match: { message: "/start/" }, before: [{ message: "end" }] }], records, new Map())).toEqual([]);
    const wrong = checkLogs([{ match: { message: "/abc/" }, after: [{ n: 1 }] }], records, new Map());
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.path).toBe("ExpectedLogs[0].after[0]");
  });

  it("fails only the expectation whose pattern does not compile", () => {
    const out = checkLogs([{ match: { message: "/(oops/" } }, { match: { message: "/(?i)START/" }, count: 1 }], records, new Map());
    expect(out).toEqual([{ path: "ExpectedLogs[0]", message: expect.stringMatching(/^invalid pattern/) }]);
  });

  it("reports an anchor that matches nothing", () => {
    expect(checkLogs([{ match: { message: "end" }, after: [{ message: "never" }] }], records, new Map())[0]).toMatchObject({
      path: "ExpectedLogs[0].after[0]",
      message: 'anchor {"message":"never"} matched no line',
    });
  });
});
