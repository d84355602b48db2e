/**
 * The package's main entry under Node: the whole runtime plus the serdes that needs a file
 * system. Browsers resolve the main entry to the runtime alone (package.json `browser` condition).
 */
export * from "./runtime/index.js";
export {
  createFileSystemSerdes,
  FileSystemPathEncoding,
  FileSystemSerdesMode,
  type FileSystemSerdesConfig,
} from "./local/file-system-serdes.js";
