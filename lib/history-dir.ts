import "server-only";
/**
 * The folder of history files the test runners of `@durable-lens/sdk/testing` write (one per
 * test run), read for the open page. The server reads that folder and nothing else: file names
 * are checked against a strict pattern, entries that are not plain files (links, folders) are
 * ignored, and a resolved path must stay inside the folder.
 */
import { constants } from "node:fs";
import { lstat, open, readdir, type FileHandle } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { Readable } from "node:stream";
import { HttpError } from "./errors";
import { MAX_LISTED_FILES, type HistoryDirFile, type HistoryDirResponse } from "./history-dir-types";

/** The environment variable the test runners and the app share. */
export const HISTORY_DIR_ENV = "DURABLE_LENS_HISTORY_DIR";

/**
 * Letters, digits, dot, dash and underscore, ending in .json: no separators, no hidden files,
 * and at most 255 characters (bytes, all ASCII), the longest name Linux and macOS allow.
 */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,249}\.json$/;

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

const errorCode = (error: unknown) => (error as { code?: unknown })?.code;
const isMissing = (error: unknown) => errorCode(error) === "ENOENT";

/**
 * The folder as the user should see it: as configured relative to the server's working folder,
 * or just its name; never the absolute path, which tells a reader about the machine.
 *
 * @example displayHistoryDir("/repo/.durable-lens/test-runs", "/repo") // ".durable-lens/test-runs"
 */
export function displayHistoryDir(dir: string, cwd: string = process.cwd()): string {
  const inside = relative(cwd, dir);
  if (inside === "") return ".";
  return inside.startsWith("..") || isAbsolute(inside) ? basename(dir) : inside;
}

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
    throw new HttpError(500, "HistoryDirUnreadable", `The history folder (${HISTORY_DIR_ENV}) cannot be read (${String(errorCode(error) ?? "error")}).`);
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

/** O_NOFOLLOW: a link swapped in for the name fails to open; O_NONBLOCK: a FIFO does not hang the open. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Errors of opening a name that mean "no such history file" (ELOOP: the name is a symlink). */
const NOT_A_FILE = new Set(["ENOENT", "ELOOP", "EISDIR", "ENOTDIR", "ENXIO"]);

function notFound(name: string): HttpError {
  return new HttpError(404, "HistoryFileNotFound", `There is no history file ${name} in the history folder.`);
}

/** Opens `path` itself, never what a link there points to, and only if it is a plain file. */
async function openPlainFile(path: string, name: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (typeof code === "string" && NOT_A_FILE.has(code)) throw notFound(name);
    if (code === "ENAMETOOLONG") throw new HttpError(400, "InvalidFileName", "The file name is too long: at most 255 characters.");
    // fs messages carry the absolute path: answer with the code only.
    throw new HttpError(500, "HistoryFileUnreadable", `The history file ${name} cannot be read (${String(code ?? "error")}).`);
  }
  // What was opened is what is checked: the name may point elsewhere by now, the handle cannot.
  const stat = await handle.stat().catch(() => undefined);
  if (!stat?.isFile()) {
    await handle.close();
    throw notFound(name);
  }
  return { handle, size: stat.size };
}

/**
 * Opens one file of the folder for reading, or throws the HttpError to answer with.
 *
 * @example const { body, size } = await openHistoryFile(dir, "20260101-…_FAILED_….json");
 */
export async function openHistoryFile(dir: string, name: string): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
  if (!isHistoryFileName(name)) {
    const tooLong = /^[A-Za-z0-9._-]+$/.test(name) && name.length > 255;
    throw new HttpError(
      400,
      "InvalidFileName",
      tooLong
        ? `The file name is too long (${name.length} characters): a history file's name has at most 255.`
        : `${JSON.stringify(name.slice(0, 300))} is not the name of a history file: letters, digits, ".", "-" and "_", ending in .json.`,
    );
  }
  const path = resolve(dir, name);
  if (dirname(path) !== dir) throw new HttpError(400, "InvalidFileName", `${JSON.stringify(name)} is outside the history folder.`);
  const { handle, size } = await openPlainFile(path, name);
  // The stream reads from the handle and closes it at the end, on an error or when the client goes away.
  const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
  return { body, size };
}
