// Module hooks: `@durable-lens/sdk[/x]` resolves through the sdk's package.json exports to the
// TypeScript source of the file they name (`./dist/runtime/index.js` -> `src/runtime/index.ts`),
// `./a.js` to `./a.ts` when only the TypeScript file exists, and `.ts` files load transpiled
// (types dropped, no check: `npm run typecheck` checks them). Transpiled output is cached on
// disk by content hash, so the typescript compiler loads only when a file changed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const sdkRoot = new URL("../../", import.meta.url);
const repoRoot = fileURLToPath(new URL("../", sdkRoot));
const cacheDir = join(repoRoot, "node_modules", ".cache", "durable-lens-conformance");
const exportsMap = JSON.parse(readFileSync(new URL("package.json", sdkRoot), "utf8")).exports ?? {};
const require = createRequire(import.meta.url);
// Output changes with the compiler and with the options below.
const CACHE_SALT = `typescript ${require("typescript/package.json").version}; es2022 esnext inline-maps v1`;

/** The source file behind an sdk subpath export, if the export names a built file of src/. */
function sdkSource(subpath) {
  const entry = exportsMap[subpath];
  const target = typeof entry === "string" ? entry : (entry?.default ?? entry?.import ?? entry?.node);
  const built = typeof target === "string" ? /^\.\/dist\/(.+)\.js$/.exec(target) : null;
  const source = built && new URL(`src/${built[1]}.ts`, sdkRoot);
  return source && existsSync(source) ? source.href : undefined;
}

let ts;
function compiler() {
  ts ??= require("typescript");
  return ts;
}

export async function resolve(specifier, context, next) {
  const sdk = /^@durable-lens\/sdk(\/[a-z]+)?$/.exec(specifier);
  const source = sdk && sdkSource(sdk[1] ? `.${sdk[1]}` : ".");
  if (source) return { url: source, shortCircuit: true };
  if (specifier.endsWith(".js") && (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:")) && context.parentURL) {
    const js = new URL(specifier, context.parentURL);
    if (js.protocol === "file:" && !existsSync(js)) {
      const ts = new URL(js.href.slice(0, -3) + ".ts");
      if (existsSync(ts)) return { url: ts.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return next(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, "utf8");
  const key = createHash("sha1").update(CACHE_SALT).update("\0").update(path).update("\0").update(source).digest("hex");
  const cached = join(cacheDir, `${key}.js`);
  if (existsSync(cached)) return { format: "module", source: readFileSync(cached, "utf8"), shortCircuit: true };
  const t = compiler();
  const out = t.transpileModule(source, {
    fileName: path,
    compilerOptions: {
      module: t.ModuleKind.ESNext,
      target: t.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
      inlineSources: true,
    },
  }).outputText;
  // Sandboxes load in parallel: write aside and rename, so no reader sees half a file.
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, out);
  renameSync(partial, cached);
  return { format: "module", source: out, shortCircuit: true };
}
