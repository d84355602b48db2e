// The compatibility tests with both imports switched: our runner driving handlers written
// with our runtime.
import { describe, expect, it, vi } from "vitest";
import { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import * as runtime from "../node.js";
import { compatibilitySuite } from "./compatibility.test-support.js";
import * as ours from "./index.js";

vi.mock("@aws/durable-execution-sdk-js-testing", () => import("./index.js"));
vi.mock("@aws/durable-execution-sdk-js", () => import("../node.js"));

compatibilitySuite();

describe("the switch", () => {
  it("runs the suite on our runner and runtime", () => {
    expect(LocalDurableTestRunner).toBe(ours.LocalDurableTestRunner);
    expect(withDurableExecution).toBe(runtime.withDurableExecution);
  });
});
