import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { checkFunctionName, FunctionSpecError, parseHandlerReference, type FunctionSpec } from "./function-spec.js";

/** The file `durable-lens dev` and the local service read when it is in the working directory. */
export const CONFIG_FILE_NAME = "durable-lens.config.json";

const FUNCTION_KEYS = new Set(["handler", "description", "timeout", "executionTimeout", "retentionPeriodInDays"]);

function positiveInteger(value: unknown, where: string, unit: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw new FunctionSpecError(`${where} must be a positive whole number of ${unit}, got ${JSON.stringify(value)}`);
  return value;
}

function readFunction(name: string, entry: unknown, path: string): FunctionSpec {
  const where = `${path}: functions.${name}`;
  checkFunctionName(name, `${path}: functions`);
  const base = dirname(path);
  if (typeof entry === "string") return { name, ...parseHandlerReference(entry, base) };
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    throw new FunctionSpecError(`${where} must be "path#export" or an object with a "handler"`);
  }
  const o = entry as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !FUNCTION_KEYS.has(k));
  if (unknown.length > 0) throw new FunctionSpecError(`${where}: unknown key ${JSON.stringify(unknown[0])} (known: ${[...FUNCTION_KEYS].join(", ")})`);
  if (typeof o.handler !== "string") throw new FunctionSpecError(`${where}.handler must be a string "path#export"`);
  if (o.description !== undefined && typeof o.description !== "string") throw new FunctionSpecError(`${where}.description must be a string`);
  const spec: FunctionSpec = { name, ...parseHandlerReference(o.handler, base) };
  if (o.description !== undefined) spec.description = o.description as string;
  if (o.timeout !== undefined) spec.timeoutSeconds = positiveInteger(o.timeout, `${where}.timeout`, "seconds");
  if (o.executionTimeout !== undefined || o.retentionPeriodInDays !== undefined) {
    spec.durableConfig = {
      ...(o.executionTimeout !== undefined && { ExecutionTimeout: positiveInteger(o.executionTimeout, `${where}.executionTimeout`, "seconds") }),
      ...(o.retentionPeriodInDays !== undefined && { RetentionPeriodInDays: positiveInteger(o.retentionPeriodInDays, `${where}.retentionPeriodInDays`, "days") }),
    };
  }
  return spec;
}

/**
 * Reads the functions of a config file; paths in it are relative to the file.
 *
 * ```json
 * { "functions": { "orders": "src/orders.ts", "refunds": { "handler": "src/refunds.ts#handler", "timeout": 60 } } }
 * ```
 *
 * @example parseConfig(readFileSync(path, "utf8"), path)
 */
export function parseConfig(text: string, path: string): FunctionSpec[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FunctionSpecError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new FunctionSpecError(`${path} must hold a JSON object with "functions"`);
  const { functions, ...rest } = doc as Record<string, unknown>;
  const extra = Object.keys(rest).filter((k) => k !== "$schema");
  if (extra.length > 0) throw new FunctionSpecError(`${path}: unknown key ${JSON.stringify(extra[0])} (known: functions)`);
  if (typeof functions !== "object" || functions === null || Array.isArray(functions)) {
    throw new FunctionSpecError(`${path}: "functions" must be an object of name: "path#export"`);
  }
  return Object.entries(functions).map(([name, entry]) => readFunction(name, entry, path));
}

/** Reads and parses a config file. @example readConfigFile("durable-lens.config.json") */
export function readConfigFile(path: string): FunctionSpec[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new FunctionSpecError(`Cannot read ${path}: ${(e as Error).message}`);
  }
  return parseConfig(text, path);
}
