"use client";
/**
 * Sends the app's mutations: JSON bodies with the session's CSRF token, and the server's refusals
 * as ApiRequestErrors with their messages. A token the server no longer accepts (it restarted) is
 * replaced once, transparently.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { SessionInfo } from "./action-types";
import type { ApiError } from "./api-types";
import { CSRF_HEADER } from "./csrf-header";
import { ApiRequestError, getJson } from "./queries";

export const sessionKey = ["session"] as const;

/** The query options of `GET /api/session`, shared by the hook and the mutations. */
export const sessionQuery = {
  queryKey: sessionKey,
  queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<SessionInfo>("/api/session", signal),
  staleTime: Infinity,
} as const;

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.status === "number" && typeof b.code === "string" && typeof b.message === "string";
}

async function send<T>(url: string, body: unknown, token: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", [CSRF_HEADER]: token },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiRequestError(0, "NetworkError", "Could not reach the Durable Lens server. Is it still running?");
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiError(parsed)) throw new ApiRequestError(parsed.status, parsed.code, parsed.message);
    throw new ApiRequestError(response.status, "HttpError", `The server answered ${response.status} ${response.statusText}`.trim());
  }
  return parsed as T;
}

const STALE_TOKEN = new Set(["CsrfTokenMissing", "CsrfTokenInvalid"]);

/**
 * POSTs a mutation with the session's CSRF token; throws ApiRequestError with the server's message.
 *
 * @example await postAction<StopResponse>(queryClient, `/api/executions/${encodeURIComponent(arn)}/stop`, {})
 */
export async function postAction<T>(queryClient: QueryClient, url: string, body: unknown): Promise<T> {
  const session = await queryClient.fetchQuery(sessionQuery);
  if (session.readOnly || !session.csrfToken) {
    throw new ApiRequestError(403, "ReadOnly", "Durable Lens is in read-only mode: it does not change executions.");
  }
  try {
    return await send<T>(url, body, session.csrfToken);
  } catch (error) {
    if (!(error instanceof ApiRequestError) || !STALE_TOKEN.has(error.code)) throw error;
    const fresh = await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
    if (fresh.readOnly || !fresh.csrfToken) throw error;
    return send<T>(url, body, fresh.csrfToken);
  }
}
