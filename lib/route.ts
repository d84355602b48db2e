import "server-only";
import type { ApiError } from "./api-types";
import { getConfig } from "./config";
import { toApiError, type ErrorContext } from "./errors";

const NO_STORE = { "Cache-Control": "no-store" } as const;

function errorContext(): ErrorContext {
  try {
    const c = getConfig();
    return { target: c.target, region: c.region, endpoint: c.endpoint };
  } catch {
    return { target: "local", region: "unknown" };
  }
}

/**
 * Runs a route handler's work and answers with its JSON, or with the mapped error body.
 *
 * @example export const GET = () => respond(async () => ({ ok: true }));
 */
export async function respond<T>(work: () => Promise<T>): Promise<Response> {
  try {
    return Response.json(await work(), { headers: NO_STORE });
  } catch (error) {
    const body: ApiError = toApiError(error, errorContext());
    if (body.status >= 500) console.error("[durable-lens] request failed:", error);
    return Response.json(body, { status: body.status, headers: NO_STORE });
  }
}
