import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareIds, discoverRequirements, loadRequirement, parseYaml } from "./requirement.js";
import { bindVariables, genStr } from "./variables.js";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "conformance-req-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("parseYaml reads values as PyYAML does", () => {
  it("treats yes/no/on/off as booleans but Y and N as strings", () => {
    expect(parseYaml("a: yes\nb: Off\nc: Y\nd: N")).toEqual({ a: true, b: false, c: "Y", d: "N" });
  });

  it("reads an empty value as null and keeps placeholders as strings", () => {
    expect(parseYaml("Input:\nId: ${ID1}\nD: ${/^[0-5]$/}")).toEqual({ Input: null, Id: "${ID1}", D: "${/^[0-5]$/}" });
  });
});

describe("loadRequirement", () => {
  it("reads every field the runner uses, with the official defaults", () => {
    const dir = tree({
      "s/1-1.yaml": `description: demo
AsyncInvoke: true
Variables:
  X: \${GEN_STR:4}
Input: [a]
ExpectedResult:
  ExecutionStatus: SUCCEEDED
  Result:
CallbackActions:
  - CallbackName: '*'
    Operation: heartbeat
ExpectedExecutionHistory:
  - EventId: 2
ExpectedLogs:
  - match: {message: /x/}
    after: {message: y}
`,
    });
    const req = loadRequirement(join(dir, "s/1-1.yaml"), "s");
    expect(req).toMatchObject({
      suite: "s",
      id: "1-1",
      description: "demo",
      asyncInvoke: true,
      input: ["a"],
      variables: { X: "${GEN_STR:4}" },
      expectedResult: { ExecutionStatus: "SUCCEEDED", hasResult: true, Result: null },
      callbackActions: [{ CallbackName: "*", Operation: "heartbeat", Delay: 0 }],
      expectedHistory: [{ EventId: 2 }],
      expectedLogs: [{ match: { message: "/x/" }, after: [{ message: "y" }] }],
      pollIntervalSeconds: 2,
      noProgressTimeoutSeconds: 30,
      optional: false,
    });
  });

  it("tells a result without a Result key from one expecting null", () => {
    const dir = tree({ "s/1-2.yaml": "ExpectedResult:\n  ExecutionStatus: FAILED\n" });
    expect(loadRequirement(join(dir, "s/1-2.yaml"), "s").expectedResult).toEqual({ ExecutionStatus: "FAILED", hasResult: false, Result: null });
  });

  it("names the field of a malformed file", () => {
    const dir = tree({ "s/1-3.yaml": "CallbackActions:\n  - CallbackName: a\n    Operation: approve\n" });
    expect(() => loadRequirement(join(dir, "s/1-3.yaml"), "s")).toThrow(/1-3\.yaml: CallbackActions\[0\]\.Operation must be success, failure or heartbeat/);
  });
});

describe("discoverRequirements", () => {
  const dir = tree({
    "b/2-1.yaml": "description: b\n",
    "a/1-10.yaml": "description: a10\n",
    "a/1-2.yaml": "description: a2\n",
    "a/notes.txt": "not a requirement",
  });

  it("finds every suite folder and orders ids number by number", () => {
    expect(discoverRequirements(dir).map((r) => `${r.suite}/${r.id}`)).toEqual(["a/1-2", "a/1-10", "b/2-1"]);
    expect(compareIds("1-9", "1-10")).toBeLessThan(0);
  });

  it("keeps a file it cannot read as a requirement carrying the reason", () => {
    const broken = tree({ "c/3-1.yaml": "ExpectedExecutionHistory: {not: a list}\n" });
    expect(discoverRequirements(broken)).toMatchObject([{ id: "3-1", loadError: expect.stringMatching(/ExpectedExecutionHistory must be a list/) }]);
  });

  it("selects by suite and by id", () => {
    expect(discoverRequirements(dir, { suites: ["b"] }).map((r) => r.id)).toEqual(["2-1"]);
    expect(discoverRequirements(dir, { ids: ["1-10"] }).map((r) => r.id)).toEqual(["1-10"]);
  });
});

describe("Variables", () => {
  it("draws ${GEN_STR:n} from [a-z0-9] and binds other values as str()", () => {
    const b = bindVariables({ A: "${GEN_STR:12}", B: "literal", C: 3, D: true });
    expect(b.get("A")).toMatch(/^[a-z0-9]{12}$/);
    expect([b.get("B"), b.get("C"), b.get("D")]).toEqual(["literal", "3", "True"]);
    expect(genStr(3, () => 0.999)).toBe("999");
  });
});
