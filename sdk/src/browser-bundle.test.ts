import { describe, expect, it } from "vitest";
import { build, type Rollup } from "vite";
import { fileURLToPath } from "node:url";

/**
 * Proves the browser-safe modules bundle for the browser: Vite builds them for a browser
 * target, and any Node built-in they reach would be swapped for Vite's empty
 * stub ("has been externalized for browser compatibility"), which this test refuses.
 */
describe("browser bundle", () => {
  it("bundles protocol, runtime, engine, history and replay for the browser without Node built-ins", async () => {
    const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));
    const warnings: string[] = [];
    const result = await build({
      configFile: false,
      logLevel: "silent",
      build: {
        write: false,
        minify: false,
        target: "es2022",
        lib: {
          entry: {
            protocol: src("./protocol/index.ts"),
            runtime: src("./runtime/index.ts"),
            engine: src("./engine/index.ts"),
            history: src("./history/index.ts"),
            replay: src("./replay/index.ts"),
            examples: src("./examples/index.ts"),
          },
          formats: ["es"],
        },
        rollupOptions: {
          // The AWS SDK is loaded lazily and only by the Lambda-API client; it has its own browser build.
          external: [/^@aws-sdk\//],
          onwarn: (w) => void warnings.push(w.message),
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunks = outputs.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
    expect(chunks.map((c) => c.name).sort()).toEqual(expect.arrayContaining(["engine", "history", "protocol", "replay", "runtime"]));
    const code = chunks.map((c) => c.code).join("\n");
    expect(code).not.toContain("externalized for browser compatibility");
    expect(code).not.toContain("__vite-browser-external");
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(warnings.filter((w) => /externalized for browser compatibility/.test(w))).toEqual([]);
  }, 60_000);
});
