import { relative } from "node:path";

/**
 * A path as the user would type it in log lines: relative to the working directory when
 * inside it, absolute otherwise.
 *
 * @example displayPath("/work/app/src/orders.ts") // "src/orders.ts" when run in /work/app
 */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
