import { stat } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildFailure, Message, Plugin } from "esbuild";
import { displayPath } from "./dev/display-path.js";
import type { HandlerSource } from "./registry.js";

/** The bare specifier a bundle imports the durable runtime by; the replay simulator maps it to its own instance. */
export const RUNTIME_SPECIFIER = "@durable-lens/sdk";
/** The official SDK's specifier, kept as it is: it is the durable runtime too, and the simulator substitutes it alike. */
const OFFICIAL_SDK = "@aws/durable-execution-sdk-js";

/** `@durable-lens/sdk/runtime` is the browser build of `@durable-lens/sdk`, so both become the one specifier. */
const RUNTIME_IMPORT = /^@durable-lens\/sdk(\/runtime)?$|^@aws\/durable-execution-sdk-js$/;

/**
 * The sdk's own runtime entry without its extension: `src/runtime/index.ts` when run from
 * sources, `dist/runtime/index.js` when built. The sample modules import it by relative path.
 */
const SDK_RUNTIME_ENTRY = fileURLToPath(new URL("../runtime/index", import.meta.url));

const NODE_BUILTINS = new Set(builtinModules);

/** A browser bundle of a handler module. */
export interface HandlerBundle {
  /** One ESM module whose only imports are the durable runtime's, as bare specifiers. */
  code: string;
  /** The export of `code` that is the handler (what `withDurableExecution` returned). */
  exportName: string;
}

/** The module cannot become a browser bundle; the message says why, with file, line and column. */
export class HandlerBundleError extends Error {
  override name = "HandlerBundleError";
}

interface Built {
  code: string;
  exports: string[];
  /** Every file the bundle was made of, with its mtime then: when one changes, the bundle is stale. */
  inputs: { file: string; mtimeMs: number }[];
}

/** Keeps the durable runtime out of the bundle, whichever way the module imports it. */
const runtimeExternal: Plugin = {
  name: "durable-runtime-external",
  setup(build) {
    build.onResolve({ filter: RUNTIME_IMPORT }, (args) => ({ path: args.path === OFFICIAL_SDK ? OFFICIAL_SDK : RUNTIME_SPECIFIER, external: true }));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      const ext = extname(target);
      const stem = ext === ".js" || ext === ".ts" ? target.slice(0, -ext.length) : target;
      return stem === SDK_RUNTIME_ENTRY ? { path: RUNTIME_SPECIFIER, external: true } : undefined;
    });
  },
};

const isBuildFailure = (e: unknown): e is BuildFailure => Array.isArray((e as BuildFailure | undefined)?.errors);

/** esbuild's message, with a Node built-in it could not resolve said plainly: the browser has none. */
function explain(m: Message): string {
  const where = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : "";
  const unresolved = /^Could not resolve "(.+)"$/.exec(m.text)?.[1];
  if (unresolved !== undefined && (unresolved.startsWith("node:") || NODE_BUILTINS.has(unresolved))) {
    return `${where}imports "${unresolved}", a Node built-in module: a browser cannot run it, so this handler cannot be replayed in the browser`;
  }
  return `${where}${m.text}`;
}

/** NaN for a file that is gone: it equals nothing, so a bundle made of it is stale. */
const mtimeMs = (file: string): Promise<number> => stat(file).then((s) => s.mtimeMs, () => Number.NaN);

async function isFresh(built: Built): Promise<boolean> {
  const now = await Promise.all(built.inputs.map((i) => mtimeMs(i.file)));
  return built.inputs.every((i, n) => now[n] === i.mtimeMs);
}

async function build(file: string): Promise<Built> {
  // Loaded on the first bundle: the service starts, and most sessions run, without it.
  const esbuild = await import("esbuild");
  const dir = dirname(file);
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [file],
      // Locations in messages read relative to the module's own folder.
      absWorkingDir: dir,
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      metafile: true,
      logLevel: "silent",
      plugins: [runtimeExternal],
    });
  } catch (e) {
    if (isBuildFailure(e)) throw new HandlerBundleError(e.errors.map(explain).join("\n"));
    throw e;
  }
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = await Promise.all(
    Object.keys(result.metafile.inputs).map(async (path) => {
      const abs = resolve(dir, path);
      return { file: abs, mtimeMs: await mtimeMs(abs) };
    }),
  );
  return { code: result.outputFiles[0]!.text, exports: output?.exports ?? [], inputs };
}

/**
 * Bundles handler modules for the browser: ESM for es2022, TypeScript compiled, everything
 * bundled but the durable runtime, which stays a bare import for the replay simulator to
 * provide. A bundle is kept until a file it was made of changes.
 *
 * @example const { code, exportName } = await new HandlerBundler().bundle({ file: "/app/orders.ts", exportName: "handler" });
 */
export class HandlerBundler {
  /** By module file; a promise, so requests that arrive together share one build. */
  private readonly cache = new Map<string, Promise<Built>>();

  async bundle(source: HandlerSource): Promise<HandlerBundle> {
    const built = await this.built(source.file);
    if (!built.exports.includes(source.exportName)) {
      const has = built.exports.length > 0 ? `its exports are ${built.exports.join(", ")}` : "it exports nothing";
      throw new HandlerBundleError(`${displayPath(source.file)} has no export ${JSON.stringify(source.exportName)} (${has})`);
    }
    return { code: `// Durable Lens handler bundle: the handler is the export ${JSON.stringify(source.exportName)}.\n${built.code}`, exportName: source.exportName };
  }

  private async built(file: string): Promise<Built> {
    const cached = this.cache.get(file);
    if (cached) {
      const built = await cached.catch(() => undefined);
      if (built && (await isFresh(built))) return built;
      // Another request may have started a rebuild while this one looked.
      if (this.cache.get(file) !== cached) return this.built(file);
    }
    const next = build(file);
    this.cache.set(file, next);
    // A failed build is not kept: the next request tries again, after the user's fix.
    next.catch(() => this.cache.get(file) === next && this.cache.delete(file));
    return next;
  }
}
