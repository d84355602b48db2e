// What the fuzz test of the route handlers needs beside the generators shared with the local
// service's fuzz test: requests the browser would send (same origin, CSRF header and cookie)
// with any part spoilt, raw bytes included, and a check that a response is a refusal in the
// app's error shape whose message names the problem.
import type { ApiError } from "@/lib/api-types";
import { CSRF_HEADER } from "@/lib/csrf-header";
import { APP_ORIGIN } from "./route-test-support";

/** A CSRF token and its cookie (`durable-lens-csrf=<token>`), as `openSession` hands them out. */
export interface Session {
  token: string;
  cookie: string;
}

/** What a test may spoil in a request; each defaults to what the page sends. */
export interface Spoil {
  /** null: no Origin header. */
  origin?: string | null;
  /** null: no CSRF header. */
  token?: string | null;
  /** null: no cookie; a string is sent as the whole Cookie header. */
  cookie?: string | null;
  /** null: no Content-Type. */
  contentType?: string | null;
  headers?: Record<string, string>;
}

/**
 * A request to the app as the page sends it, with the parts in `spoil` changed.
 *
 * @example await POST(appRequest("POST", "/api/callbacks/heartbeat", JSON.stringify({ callbackId }), session, { origin: null }))
 */
export function appRequest(method: string, path: string, body: string | Uint8Array | undefined, session: Session, spoil: Spoil = {}): Request {
  const headers = new Headers({ host: new URL(APP_ORIGIN).host });
  const contentType = spoil.contentType === undefined ? "application/json" : spoil.contentType;
  if (contentType !== null && body !== undefined) headers.set("content-type", contentType);
  const origin = spoil.origin === undefined ? APP_ORIGIN : spoil.origin;
  if (origin !== null) headers.set("origin", origin);
  const token = spoil.token === undefined ? session.token : spoil.token;
  if (token !== null) headers.set(CSRF_HEADER, token);
  const cookie = spoil.cookie === undefined ? session.cookie : spoil.cookie;
  if (cookie !== null) headers.set("cookie", cookie);
  for (const [k, v] of Object.entries(spoil.headers ?? {})) headers.set(k, v);
  // A fresh ArrayBuffer-backed copy: BodyInit takes no view of a possibly shared buffer.
  const payload = body === undefined || typeof body === "string" ? body : new Uint8Array(body).buffer;
  return new Request(`${APP_ORIGIN}${path}`, { method, headers, ...(payload !== undefined && { body: payload }) });
}

/**
 * Undefined when `response` is a 4xx whose JSON body is the app's ApiError, with the same status
 * and a message matching `names`; else what is wrong with it.
 */
export async function appRefusalProblem(label: string, response: Response, names: RegExp): Promise<string | undefined> {
  const text = await response.text();
  const brief = `${label}: ${response.status} ${text.slice(0, 300)}`;
  if (response.status < 400 || response.status >= 500) return `${brief} (expected a 4xx)`;
  if (!response.headers.get("content-type")?.startsWith("application/json")) return `${brief} (not JSON)`;
  let body: Partial<ApiError>;
  try {
    body = JSON.parse(text) as Partial<ApiError>;
  } catch {
    return `${brief} (body is not JSON)`;
  }
  if (body.status !== response.status || typeof body.code !== "string" || typeof body.message !== "string") return `${brief} (not an ApiError)`;
  if (!names.test(body.message)) return `${brief} (message does not match ${names})`;
  return undefined;
}
