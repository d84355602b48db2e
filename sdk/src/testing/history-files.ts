/**
 * The way from a test into the visualizer: each run's history written to a folder as the JSON
 * GetDurableExecutionHistory returns (`{ "Events": [...] }`), which Durable Lens's open page
 * lists when started with the same DURABLE_LENS_HISTORY_DIR.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Event, ExecutionStatus } from "../protocol/index.js";

/** The environment variable naming the folder, read by the test runners and by the app. */
export const HISTORY_DIR_ENV = "DURABLE_LENS_HISTORY_DIR";

/**
 * The folder to write histories to: the option when given, else the environment variable;
 * undefined (write nothing) when neither is set.
 *
 * @example historyDirectory(undefined, { DURABLE_LENS_HISTORY_DIR: ".durable-lens/runs" }) // "/repo/.durable-lens/runs"
 */
export function historyDirectory(option: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  const dir = option ?? env[HISTORY_DIR_ENV];
  return dir && dir.trim() !== "" ? resolve(dir.trim()) : undefined;
}

/** What names a run's file. */
export interface RunDescription {
  functionName: string;
  status: ExecutionStatus;
  /** The execution's ARN; its id tells runs of one test apart. */
  executionArn: string;
  testName?: string;
  /** When the file is written: names sort in the order runs ended. */
  at?: Date;
}

/** A piece of a file name: letters, digits, dot, dash and underscore, nothing else. */
function part(text: string, max: number): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "")
    .slice(0, max);
}

/**
 * A file name that sorts by time and says what ran and how it ended, e.g.
 * `20260101-100000-123_payment-with-retries_FAILED_fails-after-three-attempts_1a2b3c4d.json`.
 *
 * @example historyFileName({ functionName: "fn", status: "SUCCEEDED", executionArn: "arn:…/fn/8c7e5f00-…", at: new Date(0) })
 */
export function historyFileName(run: RunDescription): string {
  const stamp = (run.at ?? new Date()).toISOString().replace(/[-:]/g, "").replace("T", "-").replace(".", "-").replace("Z", "");
  const id = part(run.executionArn.split("/").at(-1) ?? "", 8) || "run";
  const pieces = [stamp, part(run.functionName, 64) || "function", run.status, run.testName ? part(run.testName, 80) : "", id].filter((p) => p !== "");
  return `${pieces.join("_")}.json`;
}

/**
 * Writes the history of one run into `dir` (created if missing) and returns the file's path.
 * The file appears whole or not at all, so the app never lists a half-written one.
 *
 * @example await writeRunHistory("/tmp/runs", run, events) // "/tmp/runs/20260101-…json"
 */
export async function writeRunHistory(dir: string, run: RunDescription, events: readonly Event[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = historyFileName(run);
  const path = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temp, JSON.stringify({ Events: events }, null, 2));
  await rename(temp, path);
  return path;
}
