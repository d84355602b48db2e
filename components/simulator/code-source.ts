/**
 * The code a check or a simulation runs: a sample function, the local service's bundle of the
 * function, or a module file the user picks; turned into the simulator's `CodeSource`.
 */
import type { CodeSource } from "./worker-protocol";
import { fetchHandlerBundle } from "./handler-bundle";

/** Which code the user chose to check against. */
export type CodeChoice = "sample" | "bundle" | "upload";

/** A code source with words for the page ("the sample function approval-flow"). */
export interface LabelledSource {
  source: CodeSource;
  label: string;
}

/**
 * The choice a page opens with: the sample of the same name when there is one (it needs no
 * service), else the local service's bundle, else a file (AWS has no bundle to give).
 *
 * @example defaultChoice(true, "local") // "sample"
 */
export function defaultChoice(hasSample: boolean, target: "local" | "aws" | undefined): CodeChoice {
  if (hasSample) return "sample";
  return target === "aws" ? "upload" : "bundle";
}

/**
 * Why a picked file cannot be a handler module, if it cannot: the browser imports it as it is,
 * so it must be JavaScript in ES module form.
 *
 * @example moduleFileProblem("handler.ts") // "handler.ts is TypeScript: …"
 */
export function moduleFileProblem(fileName: string): string | undefined {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "js" || ext === "mjs") return undefined;
  const bundleHint = "bundle it into one ES module first, keeping the durable SDK external (e.g. esbuild handler.ts --bundle --format=esm --external:@durable-lens/sdk --external:@aws/durable-execution-sdk-js)";
  if (ext === "ts" || ext === "mts" || ext === "tsx") return `${fileName} is TypeScript, which the browser cannot run: ${bundleHint}`;
  if (ext === "cjs") return `${fileName} is a CommonJS module, which the browser cannot import: ${bundleHint}`;
  return `${fileName} is not a JavaScript module: pick a .js or .mjs file (an ES module exporting the handler)`;
}

/**
 * What is wrong with the typed export name, if anything (empty means "let the loader pick").
 *
 * @example exportNameProblem("my handler") // "An export name is a JavaScript identifier, like handler"
 */
export function exportNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "" || /^[A-Za-z_$][\w$]*$/.test(trimmed)) return undefined;
  return "An export name is a JavaScript identifier, like handler";
}

/**
 * Turns the user's choice into the simulator's code source, reading the file or fetching the
 * bundle; throws with a message for the page when that cannot be done.
 *
 * @example const { source, label } = await resolveCodeSource({ choice: "sample", functionName: "approval-flow" });
 */
export async function resolveCodeSource(options: {
  choice: CodeChoice;
  functionName: string;
  file?: File;
  exportName?: string;
  signal?: AbortSignal;
}): Promise<LabelledSource> {
  const { choice, functionName } = options;
  if (choice === "sample") {
    return { source: { kind: "sample", name: functionName }, label: `the sample function ${functionName}` };
  }
  if (choice === "bundle") {
    const bundle = await fetchHandlerBundle(functionName, options.signal);
    const label = `the local service's code of ${functionName}`;
    return { source: { kind: "module", code: bundle.code, label, ...(bundle.exportName && { exportName: bundle.exportName }) }, label };
  }
  const file = options.file;
  if (!file) throw new Error("Choose a handler module file to check against");
  const problem = moduleFileProblem(file.name);
  if (problem) throw new Error(problem);
  const exportName = options.exportName?.trim();
  const nameProblem = exportName ? exportNameProblem(exportName) : undefined;
  if (nameProblem) throw new Error(nameProblem);
  return { source: { kind: "module", code: await file.text(), label: file.name, ...(exportName && { exportName }) }, label: file.name };
}
