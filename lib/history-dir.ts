import "server-only";
/**
 * The folder of history files the test runners of `@durable-lens/sdk/testing` write (one per
 * test run), read for the open page. The server reads that folder and nothing else: file names
 * are checked against a strict pattern, entries that are not plain files (links, folders) are
 * ignored, and a resolved path must stay inside the folder.
 */
import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { HttpError } from "./errors";
import { MAX_LISTED_FILES, type HistoryDirFile, type HistoryDirResponse } from "./history-dir-types";

/** The environment variable the test runners and the app share. */
export const HISTORY_DIR_ENV = "DURABLE_LENS_HISTORY_DIR";

/** Letters, digits, dot, dash and underscore, ending in .json: no separators, no hidden files. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,250}\.json$/;

/**
 * Whether `name` may name a file of the folder.
 *
 * @example isHistoryFileName("../secrets.json") // false
 */
export function isHistoryFileName(name: string): boolean {
  return FILE_NAME.test(name);
}

/**
 * The configured folder, resolved, or undefined when the variable is unset or empty.
 *
 * @example configuredHistoryDir({ DURABLE_LENS_HISTORY_DIR: ".durable-lens/test-runs" })
 */
export function configuredHistoryDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const dir = env[HISTORY_DIR_ENV]?.trim();
  return dir ? resolve(dir) : undefined;
}

const isMissing = (error: unknown) => (error as { code?: unknown })?.code === "ENOENT";

/**
 * The history files of the folder, newest first. A folder that does not exist yet (no test
 * has written to it) lists as empty.
 *
 * @example await listHistoryFiles("/repo/.durable-lens/test-runs")
 */
export async function listHistoryFiles(dir: string): Promise<Pick<HistoryDirResponse, "files" | "more">> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isHistoryFileName);
  } catch (error) {
    if (isMissing(error)) return { files: [], more: 0 };
    throw new HttpError(500, "HistoryDirUnreadable", `The folder ${dir} (${HISTORY_DIR_ENV}) cannot be read: ${(error as Error).message}`);
  }
  const files: HistoryDirFile[] = [];
  for (const name of names) {
    // A file deleted since readdir is simply not listed.
    const stat = await lstat(join(dir, name)).catch(() => undefined);
    if (stat?.isFile()) files.push({ name, size: stat.size, modified: stat.mtime.toISOString() });
  }
  files.sort((a, b) => b.modified.localeCompare(a.modified) || b.name.localeCompare(a.name));
  return { files: files.slice(0, MAX_LISTED_FILES), more: Math.max(0, files.length - MAX_LISTED_FILES) };
}

/**
 * Opens one file of the folder for reading, or throws the HttpError to answer with.
 *
 * @example const { body, size } = await openHistoryFile(dir, "20260101-…_FAILED_….json");
 */
export async function openHistoryFile(dir: string, name: string): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
  if (!isHistoryFileName(name)) {
    throw new HttpError(400, "InvalidFileName", `${JSON.stringify(name)} is not the name of a history file: letters, digits, ".", "-" and "_", ending in .json.`);
  }
  const path = resolve(dir, name);
  if (dirname(path) !== dir) throw new HttpError(400, "InvalidFileName", `${JSON.stringify(name)} is outside the history folder.`);
  const stat = await lstat(path).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!stat?.isFile()) throw new HttpError(404, "HistoryFileNotFound", `There is no history file ${name} in ${dir}.`);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return { body, size: stat.size };
}
