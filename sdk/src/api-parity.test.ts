import { describe, expect, it } from "vitest";
import * as official from "@aws/durable-execution-sdk-js";
import { SDK_VERSION } from "./runtime/index.js";
import * as ours from "./node.js";
import pkg from "../package.json" with { type: "json" };

describe("API parity with @aws/durable-execution-sdk-js", () => {
  it("exports every runtime value the official package exports, so switching is a change of import", () => {
    expect(Object.keys(official).filter((name) => !(name in ours))).toEqual([]);
  });

  it("reports this package's version", () => {
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
