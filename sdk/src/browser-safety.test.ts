import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const BROWSER_SAFE = ["protocol", "runtime", "engine", "history", "examples"];
const FORBIDDEN = [
  { what: "a node: import", re: /from\s+["']node:|require\(["']node:|import\(["']node:/ },
  { what: "a Node built-in import", re: /from\s+["'](fs|path|crypto|os|http|https|net|child_process|async_hooks|util|events|stream)["']/ },
  { what: "Buffer", re: /\bBuffer\b/ },
  { what: "process.", re: /\bprocess\./ },
  { what: "AsyncLocalStorage", re: /AsyncLocalStorage/ },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    // Tests never ship; shared test support stays browser-safe here (Node-only support lives in local/).
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("browser-safe sdk modules", () => {
  const root = new URL(".", import.meta.url).pathname;
  for (const mod of BROWSER_SAFE) {
    it(`${mod} uses no Node-only API`, () => {
      const offenders = sources(join(root, mod)).flatMap((file) => {
        const text = readFileSync(file, "utf8");
        return FORBIDDEN.filter((f) => f.re.test(text)).map((f) => `${file.slice(root.length)}: ${f.what}`);
      });
      expect(offenders).toEqual([]);
    });
  }
});
