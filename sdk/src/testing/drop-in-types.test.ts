// Issue 15, the types: code written against the official SDK and testing library, with the
// imports switched to ours, compiles (sdk/type-tests: heterogeneous parallel, a failed item's
// error, an official handler passed to our runner).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const project = fileURLToPath(new URL("../../type-tests/tsconfig.json", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

describe("the official API, imports switched to ours", () => {
  it("type-checks with tsc --noEmit", () => {
    const run = spawnSync(process.execPath, [tsc, "--noEmit", "-p", project], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 180_000);
});
