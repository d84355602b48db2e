/** One history file in the folder the test runners write to (DURABLE_LENS_HISTORY_DIR). */
export interface HistoryDirFile {
  name: string;
  size: number;
  /** When the file was last written, ISO 8601. */
  modified: string;
}

/** What GET /api/history-files answers: nothing unless the folder is configured. */
export interface HistoryDirResponse {
  configured: boolean;
  /** The folder as configured, relative to where the server runs (or only its name): never an absolute path. */
  directory?: string;
  /** Newest first, at most {@link MAX_LISTED_FILES}. */
  files: HistoryDirFile[];
  /** How many more files the folder holds than are listed. */
  more: number;
}

/** Files beyond this many (the oldest) are counted, not listed. */
export const MAX_LISTED_FILES = 200;
