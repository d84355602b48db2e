// The bundler on its own: modules written to a temp folder, bundled by the real esbuild.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HandlerBundleError, HandlerBundler } from "./handler-bundle.js";
import { sampleRegistrations } from "./seed.js";

let dir: string;
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "durable-lens-bundle-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The module's import statements, one per line as esbuild writes them. */
const importsOf = (code: string) => code.match(/^import .*$/gm) ?? [];

describe("HandlerBundler", () => {
  it("compiles TypeScript, bundles what the module imports and keeps both durable SDKs as bare imports", async () => {
    write("greeting.ts", `export const greet = (name: string): string => "Hello, " + name;\n`);
    const file = write(
      "typed.ts",
      `import { withDurableExecution } from "@durable-lens/sdk";
import { defaultSerdes } from "@aws/durable-execution-sdk-js";
import { greet } from "./greeting.js";
interface Event { name: string }
export const main = withDurableExecution(async (event: Event, ctx) => ctx.step("greet", async () => greet(event.name)), { serdes: defaultSerdes });
`,
    );
    const bundle = await new HandlerBundler().bundle({ file, exportName: "main" });
    expect(bundle.exportName).toBe("main");
    expect(bundle.code).toMatch(/^\/\/ Durable Lens handler bundle: the handler is the export "main"\./);
    expect(importsOf(bundle.code)).toEqual([
      `import { withDurableExecution } from "@durable-lens/sdk";`,
      `import { defaultSerdes } from "@aws/durable-execution-sdk-js";`,
    ]);
    expect(bundle.code).toContain(`"Hello, " + name`);
    expect(bundle.code).not.toMatch(/interface Event|: string/);
    expect(bundle.code).toMatch(/^export \{\s*main\s*\};$/m);
  });

  it("turns the sdk's own runtime, imported by relative path as the samples do, into the bare import", async () => {
    const bundler = new HandlerBundler();
    for (const fn of sampleRegistrations()) {
      const bundle = await bundler.bundle(fn.source!);
      expect(importsOf(bundle.code).map((line) => line.replace(/\{.*\}/, "{…}"))).toEqual([`import {…} from "@durable-lens/sdk";`]);
    }
  });

  it("keeps a bundle until a file it was made of changes its mtime", async () => {
    // Whole seconds, so setting the same mtime again gives the very same value.
    const then = new Date("2026-01-01T00:00:00Z");
    const lib = write("version.ts", `export const VERSION = "v1";\n`);
    utimesSync(lib, then, then);
    const file = write("versioned.ts", `import { VERSION } from "./version.js";\nexport const handler = () => VERSION;\n`);
    const bundler = new HandlerBundler();
    expect((await bundler.bundle({ file, exportName: "handler" })).code).toContain(`"v1"`);

    write("version.ts", `export const VERSION = "v2";\n`);
    utimesSync(lib, then, then);
    expect((await bundler.bundle({ file, exportName: "handler" })).code, "same mtime: the kept bundle").toContain(`"v1"`);

    utimesSync(lib, then, new Date(then.getTime() + 5_000));
    expect((await bundler.bundle({ file, exportName: "handler" })).code, "a file it imports changed").toContain(`"v2"`);
  });

  it("names a Node built-in the module imports, with where, instead of bundling what a browser cannot run", async () => {
    const file = write("reads-files.ts", `import { readFileSync } from "node:fs";\nexport const handler = () => readFileSync("x");\n`);
    const refused = new HandlerBundler().bundle({ file, exportName: "handler" });
    await expect(refused).rejects.toBeInstanceOf(HandlerBundleError);
    await expect(refused).rejects.toThrow(/^reads-files\.ts:1:29: imports "node:fs", a Node built-in module: a browser cannot run it/);
  });

  it("says which exports there are when the handler's is not one of them", async () => {
    const file = write("other.ts", `export const a = 1;\nexport function b() {}\n`);
    await expect(new HandlerBundler().bundle({ file, exportName: "handler" })).rejects.toThrow(/other\.ts has no export "handler" \(its exports are a, b\)/);
  });

  it("gives esbuild's message, with file and line, for a module that does not compile", async () => {
    const file = write("broken.ts", `export const handler = (;\n`);
    await expect(new HandlerBundler().bundle({ file, exportName: "handler" })).rejects.toThrow(/^broken\.ts:1:24: Unexpected "\;"/);
  });
});
