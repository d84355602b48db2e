/** The local service's browser bundle of a function's handler, the code the simulator can replay. */
import { ApiRequestError } from "@/lib/queries";

/** Names the bundle's export that is the handler (the local service sets it). */
export const HANDLER_EXPORT_HEADER = "x-durable-lens-handler-export";

/**
 * The local service's browser bundle of a function, through the app's API.
 *
 * @example const { code, exportName } = await fetchHandlerBundle("approval-flow");
 */
export async function fetchHandlerBundle(functionName: string, signal?: AbortSignal): Promise<{ code: string; exportName?: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/functions/${encodeURIComponent(functionName)}/handler-bundle`, { cache: "no-store", signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, "NetworkError", "Could not reach the Durable Lens server. Is it still running?");
  }
  if (!response.ok) {
    // Failures come as the app's JSON errors; the bundle itself is JavaScript.
    const body = (await response.json().catch(() => undefined)) as { code?: unknown; message?: unknown } | undefined;
    const code = typeof body?.code === "string" ? body.code : "HttpError";
    const message = typeof body?.message === "string" ? body.message : `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiRequestError(response.status, code, message);
  }
  const exportName = response.headers.get(HANDLER_EXPORT_HEADER) || undefined;
  return { code: await response.text(), ...(exportName && { exportName }) };
}
