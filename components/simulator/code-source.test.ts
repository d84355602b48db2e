import { describe, expect, it } from "vitest";
import { defaultChoice, exportNameProblem, moduleFileProblem, resolveCodeSource } from "./code-source";

describe("defaultChoice", () => {
  it("prefers the sample, then the local service's code, then a file", () => {
    expect(defaultChoice(true, "aws")).toBe("sample");
    expect(defaultChoice(false, "local")).toBe("bundle");
    expect(defaultChoice(false, undefined)).toBe("bundle");
    expect(defaultChoice(false, "aws")).toBe("upload");
  });
});

describe("moduleFileProblem", () => {
  it("takes JavaScript modules", () => {
    expect(moduleFileProblem("handler.js")).toBeUndefined();
    expect(moduleFileProblem("HANDLER.MJS")).toBeUndefined();
  });

  it("says how to turn TypeScript and CommonJS into a module the browser can import", () => {
    expect(moduleFileProblem("orders.ts")).toMatch(/^orders\.ts is TypeScript, which the browser cannot run: bundle it .*esbuild/);
    expect(moduleFileProblem("orders.cjs")).toMatch(/^orders\.cjs is a CommonJS module/);
    expect(moduleFileProblem("notes.txt")).toBe("notes.txt is not a JavaScript module: pick a .js or .mjs file (an ES module exporting the handler)");
    expect(moduleFileProblem("Makefile")).toMatch(/is not a JavaScript module/);
  });
});

describe("exportNameProblem", () => {
  it("accepts identifiers and an empty field", () => {
    expect(exportNameProblem("")).toBeUndefined();
    expect(exportNameProblem("  handler ")).toBeUndefined();
    expect(exportNameProblem("$approval_2")).toBeUndefined();
    expect(exportNameProblem("my handler")).toBe("An export name is a JavaScript identifier, like handler");
    expect(exportNameProblem("2fast")).toBeDefined();
  });
});

describe("resolveCodeSource", () => {
  it("names the sample of the function", async () => {
    expect(await resolveCodeSource({ choice: "sample", functionName: "approval-flow" })).toEqual({
      source: { kind: "sample", name: "approval-flow" },
      label: "the sample function approval-flow",
    });
  });

  it("reads an uploaded module with its export name", async () => {
    const file = new File(["export const main = 1;"], "approval.mjs", { type: "text/javascript" });
    expect(await resolveCodeSource({ choice: "upload", functionName: "approval-flow", file, exportName: " main " })).toEqual({
      source: { kind: "module", code: "export const main = 1;", label: "approval.mjs", exportName: "main" },
      label: "approval.mjs",
    });
  });

  it("refuses a missing or unusable file before anything runs", async () => {
    await expect(resolveCodeSource({ choice: "upload", functionName: "f" })).rejects.toThrow("Choose a handler module file");
    await expect(resolveCodeSource({ choice: "upload", functionName: "f", file: new File(["x"], "h.ts") })).rejects.toThrow("h.ts is TypeScript");
    await expect(resolveCodeSource({ choice: "upload", functionName: "f", file: new File(["x"], "h.js"), exportName: "a-b" })).rejects.toThrow("JavaScript identifier");
  });
});
