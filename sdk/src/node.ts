/**
 * The package's main entry under Node: the whole runtime plus the serdes that needs a file
 * system. Browsers resolve the main entry to the runtime alone (package.json `browser` condition).
 */
import { Console } from "node:console";
import { installScopeTracker } from "./runtime/active-scope.js";
import { installDefaultLogSink, type LogSink } from "./runtime/logger.js";
import { createNodeScopeTracker } from "./local/scope-tracker.js";

// Under Node the runtime can tell which context code runs in, and so catch a misused one.
installScopeTracker(createNodeScopeTracker());

/**
 * The default logger's lines under Node go through a Console bound to process.stdout and
 * process.stderr at the time the logger is built, as the official SDK writes them (as Lambda's
 * runtime does), so whatever watches those streams sees them, whatever became of `console`.
 */
function processStreamsSink(): LogSink {
  const out = new Console({ stdout: process.stdout, stderr: process.stderr });
  return (line, level) => (level === "ERROR" ? out.error(line) : level === "WARN" ? out.warn(line) : level === "DEBUG" ? out.debug(line) : out.info(line));
}
installDefaultLogSink(processStreamsSink);

export * from "./runtime/index.js";
export {
  createFileSystemSerdes,
  FileSystemPathEncoding,
  FileSystemSerdesMode,
  type FileSystemSerdesConfig,
} from "./local/file-system-serdes.js";
