/**
 * The package's main entry under Node: the whole runtime plus the serdes that needs a file
 * system. Browsers resolve the main entry to the runtime alone (package.json `browser` condition).
 */
import { installScopeTracker } from "./runtime/active-scope.js";
import { createNodeScopeTracker } from "./local/scope-tracker.js";

// Under Node the runtime can tell which context code runs in, and so catch a misused one.
installScopeTracker(createNodeScopeTracker());

export * from "./runtime/index.js";
export {
  createFileSystemSerdes,
  FileSystemPathEncoding,
  FileSystemSerdesMode,
  type FileSystemSerdesConfig,
} from "./local/file-system-serdes.js";
