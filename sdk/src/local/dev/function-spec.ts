import { basename, dirname, extname, resolve } from "node:path";
import type { DurableConfig } from "../../protocol/index.js";

/** A user's function: which export of which module, under what name, with what settings. */
export interface FunctionSpec {
  name: string;
  /** Absolute path of the handler module. */
  file: string;
  exportName: string;
  description?: string;
  timeoutSeconds?: number;
  durableConfig?: DurableConfig;
}

/** A bad function argument or config entry; the message names what is wrong and where. */
export class FunctionSpecError extends Error {
  override name = "FunctionSpecError";
}

/**
 * The function name a module gets when none is given: its file name without the extension,
 * or its directory's name for an `index` file, with anything Lambda does not allow in a
 * name turned into `-`.
 *
 * @example functionNameFromFile("/app/functions/orders/index.ts") // "orders"
 */
export function functionNameFromFile(file: string): string {
  let stem = basename(file, extname(file));
  if (stem === "index") stem = basename(dirname(file));
  return stem.replace(/[^a-zA-Z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64) || "function";
}

/**
 * Reads `path#export`, with an optional name in front (`name=path#export`), relative to `baseDir`.
 *
 * @example parseHandlerReference("src/orders.ts#orderHandler", "/app") // { file: "/app/src/orders.ts", exportName: "orderHandler" }
 */
export function parseHandlerReference(ref: string, baseDir: string): { file: string; exportName: string } {
  const hash = ref.lastIndexOf("#");
  const path = hash >= 0 ? ref.slice(0, hash) : ref;
  const exportName = hash >= 0 ? ref.slice(hash + 1) : "handler";
  if (path === "") throw new FunctionSpecError(`${JSON.stringify(ref)} names no file`);
  if (!/^[A-Za-z_$][\w$]*$/.test(exportName)) throw new FunctionSpecError(`${JSON.stringify(ref)}: ${JSON.stringify(exportName)} is not an export name`);
  return { file: resolve(baseDir, path), exportName };
}

/**
 * A function from the command line: `[name=]path[#export]`.
 *
 * @example parseFunctionArgument("orders=src/orders.ts", process.cwd()) // { name: "orders", file: ".../src/orders.ts", exportName: "handler" }
 */
export function parseFunctionArgument(arg: string, baseDir: string): FunctionSpec {
  const eq = arg.indexOf("=");
  const ref = eq >= 0 ? arg.slice(eq + 1) : arg;
  const { file, exportName } = parseHandlerReference(ref, baseDir);
  const name = eq >= 0 ? arg.slice(0, eq) : functionNameFromFile(file);
  checkFunctionName(name, JSON.stringify(arg));
  return { name, file, exportName };
}

/** Throws unless `name` is a valid Lambda function name; `where` says where it came from. */
export function checkFunctionName(name: string, where: string): void {
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) throw new FunctionSpecError(`${where}: function name ${JSON.stringify(name)} must be 1-64 characters of a-z, A-Z, 0-9, - and _`);
}
