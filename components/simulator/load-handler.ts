/**
 * Turns a code source into a durable Lambda handler inside the simulator's worker. A module's
 * imports of the durable SDK resolve to the worker's own runtime (a generated module that
 * re-exports it), so the handler checkpoints through the simulator and never to a service.
 */
import { reportingThrows } from "@durable-lens/sdk/replay";
import type { DurableLambdaHandler } from "@durable-lens/sdk/runtime";
import * as runtime from "@durable-lens/sdk/runtime";
import type { CodeSource } from "./worker-protocol";

const SDK_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(@durable-lens\/sdk(?:\/runtime)?|@aws\/durable-execution-sdk-js)\2/g;
const BARE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./][^"':]*)["']/;

let runtimeUrl: string | undefined;
let thrownListener: ((error: unknown) => void) | undefined;

/**
 * Who hears what a loaded module's handler throws (the simulation running it), before the
 * runtime keeps only its type and message.
 *
 * @example onHandlerThrow((e) => sim.noteThrown(e));
 */
export function onHandlerThrow(listener: ((error: unknown) => void) | undefined): void {
  thrownListener = listener;
}

/**
 * A module exporting everything the runtime exports, through a global the worker sets; its
 * `withDurableExecution` reports what handlers throw (see {@link onHandlerThrow}).
 */
function runtimeModuleUrl(): string {
  if (runtimeUrl) return runtimeUrl;
  const reporting = reportingThrows(runtime.withDurableExecution, (error) => thrownListener?.(error));
  (globalThis as { __durableLensRuntime?: unknown }).__durableLensRuntime = { ...runtime, withDurableExecution: reporting };
  const names = Object.keys(runtime).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default");
  const source = ["const r = globalThis.__durableLensRuntime;", ...names.map((n) => `export const ${n} = r.${n};`), "export default r;"].join("\n");
  runtimeUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  return runtimeUrl;
}

/**
 * The module's text with its SDK imports pointed at the worker's runtime; throws naming the
 * first other bare import, which a browser cannot resolve.
 *
 * @example rewriteSdkImports(`import { withDurableExecution } from "@aws/durable-execution-sdk-js";`, "blob:x")
 */
export function rewriteSdkImports(code: string, runtimeModule: string): string {
  const rewritten = code.replace(SDK_IMPORT, (_m, lead: string, quote: string) => `${lead}${quote}${runtimeModule}${quote}`);
  const bare = BARE_IMPORT.exec(rewritten);
  if (bare) {
    throw new Error(`The module imports "${bare[1]}", which the browser cannot resolve: bundle it into the module first (only the durable SDK's imports are provided)`);
  }
  return rewritten;
}

function pickHandler(mod: Record<string, unknown>, exportName: string | undefined): DurableLambdaHandler {
  if (exportName !== undefined) {
    const named = mod[exportName];
    if (typeof named !== "function") throw new Error(`The module has no exported function "${exportName}"`);
    return named as DurableLambdaHandler;
  }
  const functions = Object.entries(mod).filter(([, v]) => typeof v === "function");
  const chosen = mod.handler ?? mod.default ?? (functions.length === 1 ? functions[0]![1] : undefined);
  if (typeof chosen !== "function") {
    throw new Error(`Say which export is the handler: the module exports ${functions.map(([n]) => n).join(", ") || "no function"}`);
  }
  return chosen as DurableLambdaHandler;
}

/**
 * The handler a code source names.
 *
 * @example const handler = await loadHandler({ kind: "sample", name: "order-processor" });
 */
export async function loadHandler(source: CodeSource): Promise<DurableLambdaHandler> {
  if (source.kind === "sample") {
    const { sampleFunctions } = await import("@durable-lens/sdk/examples");
    const sample = sampleFunctions.find((f) => f.name === source.name);
    if (!sample) throw new Error(`There is no sample function named "${source.name}"`);
    return sample.handler;
  }
  const url = URL.createObjectURL(new Blob([rewriteSdkImports(source.code, runtimeModuleUrl())], { type: "text/javascript" }));
  try {
    const mod = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Record<string, unknown>;
    return pickHandler(mod, source.exportName);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load ${source.label}: ${message}`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
