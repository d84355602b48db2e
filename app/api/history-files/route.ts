import { configuredHistoryDir, displayHistoryDir, listHistoryFiles } from "@/lib/history-dir";
import type { HistoryDirResponse } from "@/lib/history-dir-types";
import { respond } from "@/lib/route";

/** The history files the test runners wrote to DURABLE_LENS_HISTORY_DIR, newest first; none when it is not set. */
export function GET(): Promise<Response> {
  return respond(async (): Promise<HistoryDirResponse> => {
    const directory = configuredHistoryDir();
    if (!directory) return { configured: false, files: [], more: 0 };
    return { configured: true, directory: displayHistoryDir(directory), ...(await listHistoryFiles(directory)) };
  });
}
