// The compatibility tests with only the testing library's import switched to ours; the
// handlers still use the official SDK, as an official user's tests would.
import { describe, expect, it, vi } from "vitest";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import { compatibilitySuite } from "./compatibility.test-support.js";
import * as ours from "./index.js";

vi.mock("@aws/durable-execution-sdk-js-testing", () => import("./index.js"));

compatibilitySuite();

describe("the switch", () => {
  it("runs the suite on our runner", () => {
    expect(LocalDurableTestRunner).toBe(ours.LocalDurableTestRunner);
  });

  it("exports every value the official testing library exports", async () => {
    const official = await vi.importActual<Record<string, unknown>>("@aws/durable-execution-sdk-js-testing");
    expect(Object.keys(official).filter((name) => !(name in ours))).toEqual([]);
  });
});
