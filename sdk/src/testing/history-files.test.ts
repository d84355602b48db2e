import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { historyDirectory, historyFileName } from "./history-files.js";

describe("historyDirectory", () => {
  it("takes the option over DURABLE_LENS_HISTORY_DIR, resolves it, and is off when neither is set", () => {
    expect(historyDirectory("runs", { DURABLE_LENS_HISTORY_DIR: "/elsewhere" })).toBe(resolve("runs"));
    expect(historyDirectory(undefined, { DURABLE_LENS_HISTORY_DIR: " /tmp/runs " })).toBe("/tmp/runs");
    expect(historyDirectory(undefined, { DURABLE_LENS_HISTORY_DIR: "" })).toBeUndefined();
    expect(historyDirectory(undefined, {})).toBeUndefined();
  });
});

describe("historyFileName", () => {
  const arn = "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/0f3a9c2e-1111-2222-3333-444455556666/0f3a9c2e-1111-2222-3333-444455556666";

  it("sorts by time and names the function, the status, the test and the execution", () => {
    const name = historyFileName({ functionName: "order-processor", status: "FAILED", executionArn: arn, testName: "orders > ships a lamp", at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)) });
    expect(name).toBe("20260102-030405-006_order-processor_FAILED_orders-ships-a-lamp_0f3a9c2e.json");
  });

  it("keeps only characters that are safe in any file system and in the app's file check", () => {
    const name = historyFileName({ functionName: "../../etc/passwd", status: "SUCCEEDED", executionArn: arn, testName: "a/b\\c..d <e> é" });
    expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/);
    expect(name).not.toContain("/");
    expect(name).toContain("_etc-passwd_SUCCEEDED_a-b-c..d-e_");
  });
});
