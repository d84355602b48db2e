import type { ApiError } from "@/lib/api-types";
import { HttpError, toApiError } from "@/lib/errors";
import { configuredHistoryDir, HISTORY_DIR_ENV, openHistoryFile } from "@/lib/history-dir";

/** One history file of DURABLE_LENS_HISTORY_DIR, as it is on disk; the name arrives URL-encoded as one path segment. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  try {
    const directory = configuredHistoryDir();
    if (!directory) throw new HttpError(404, "HistoryDirNotConfigured", `No history folder is configured: set ${HISTORY_DIR_ENV} for the Durable Lens server.`);
    const { body, size } = await openHistoryFile(directory, (await params).name);
    return new Response(body, { headers: { "Content-Type": "application/json", "Content-Length": String(size), "Cache-Control": "no-store" } });
  } catch (error) {
    const body: ApiError = toApiError(error, { target: "local", region: "local" });
    return Response.json(body, { status: body.status, headers: { "Cache-Control": "no-store" } });
  }
}
