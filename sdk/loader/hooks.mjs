// Module hooks: `@durable-lens/sdk[/x]` resolves through the sdk's package.json exports to the
// TypeScript source of the file they name (`./dist/runtime/index.js` -> `src/runtime/index.ts`)
// when that source exists (a checkout, not an installed package), `./a.js` to `./a.ts` when only
// the TypeScript file exists, and `.ts`/`.mts` files load transpiled (types dropped, no check:
// `npm run typecheck` checks ours). Transpiled output is cached on disk by content hash, so the
// typescript compiler loads only when a file changed.
//
// Shared by the conformance runner and `durable-lens dev`, which also asks (through
// `initialize`) to hear of every source file a handler loads, so it can reload on change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";

const sdkRoot = new URL("../", import.meta.url);
const exportsMap = JSON.parse(readFileSync(new URL("package.json", sdkRoot), "utf8")).exports ?? {};
const require = createRequire(import.meta.url);

/** `node_modules/.cache` of the project the sdk is installed in, or of the checkout it lives in. */
function cacheDirectory() {
  const here = fileURLToPath(import.meta.url);
  const installed = here.lastIndexOf(`${sep}node_modules${sep}`);
  if (installed >= 0) return join(here.slice(0, installed), "node_modules", ".cache", "durable-lens-ts");
  const checkout = fileURLToPath(new URL("../", sdkRoot));
  return existsSync(join(checkout, "node_modules")) ? join(checkout, "node_modules", ".cache", "durable-lens-ts") : join(tmpdir(), "durable-lens-ts");
}
const cacheDir = cacheDirectory();

/** Where to report loaded source files, when the thread that registered us asked. */
let loadedFilesPort;

/** `data.loadedFilesPort`: a MessagePort that receives the URL of every file: module loaded outside node_modules. */
export function initialize(data) {
  loadedFilesPort = data?.loadedFilesPort;
}

/** The source file behind an sdk subpath export, if the export names a built file of src/. */
function sdkSource(subpath) {
  const entry = exportsMap[subpath];
  const target = typeof entry === "string" ? entry : (entry?.default ?? entry?.import ?? entry?.node);
  const built = typeof target === "string" ? /^\.\/dist\/(.+)\.js$/.exec(target) : null;
  const source = built && new URL(`src/${built[1]}.ts`, sdkRoot);
  return source && existsSync(source) ? source.href : undefined;
}

let salt;
/** Output changes with the compiler and with the options below. Read on the first .ts file, so .js handlers need no typescript. */
function cacheSalt(path) {
  try {
    salt ??= `typescript ${require("typescript/package.json").version}; es2022 esnext inline-maps v1`;
  } catch {
    throw new Error(`Loading ${path} needs the \`typescript\` package: npm install --save-dev typescript`);
  }
  return salt;
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
  if (loadedFilesPort && url.startsWith("file:") && !url.includes("/node_modules/")) loadedFilesPort.postMessage(url);
  if (!url.startsWith("file:") || !(url.endsWith(".ts") || url.endsWith(".mts"))) return next(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, "utf8");
  const key = createHash("sha1").update(cacheSalt(path)).update("\0").update(path).update("\0").update(source).digest("hex");
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
  try {
    // Sandboxes load in parallel: write aside and rename, so no reader sees half a file.
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, out);
    renameSync(partial, cached);
  } catch {
    // A cache this user may not write (another owner, a read-only tree) only costs the next load its speed.
  }
  return { format: "module", source: out, shortCircuit: true };
}
