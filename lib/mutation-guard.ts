/**
 * The one check every mutating route runs before it touches Lambda: read-only mode, same origin,
 * and the session's CSRF token. Refusals are HttpErrors with a stable code the page can act on.
 */
import { CSRF_COOKIE, CSRF_HEADER } from "./csrf-header";
import { readCookie, tokensMatch } from "./csrf";
import { hostRefusal, TRUST_PROXY_ENV } from "./allowed-hosts";
import { HttpError } from "./errors";
import { isReadOnly, READ_ONLY_ENV } from "./read-only";
import type { Env } from "./target-config";

export { TRUST_PROXY_ENV };

/**
 * The origins this request may legitimately come from: the one the browser addressed (scheme
 * and host), and the one a trusted proxy says it addressed.
 */
function ownOrigins(request: Request, env: Env): Set<string> {
  const url = new URL(request.url);
  const origins = new Set<string>([url.origin]);
  const host = request.headers.get("host");
  if (host) origins.add(`${url.protocol}//${host}`);
  if (env[TRUST_PROXY_ENV]) {
    const forwardedHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
    if (forwardedHost) origins.add(`${forwardedProto}://${forwardedHost}`);
  }
  return origins;
}

function originOf(origin: string): string | undefined {
  try {
    return new URL(origin).origin;
  } catch {
    return undefined;
  }
}

function checkSameOrigin(request: Request, env: Env): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Browsers send Origin on every POST; Sec-Fetch-Site is the fallback for the rare one that does not.
    if (request.headers.get("sec-fetch-site") === "same-origin") return;
    throw new HttpError(403, "CrossOriginRefused", "Refused: the request does not say it comes from this Durable Lens page (no Origin header).");
  }
  const from = originOf(origin);
  if (!from || !ownOrigins(request, env).has(from)) {
    throw new HttpError(403, "CrossOriginRefused", `Refused: a request from ${origin} may not change executions; only pages of this Durable Lens server may.`);
  }
}

function checkCsrfToken(request: Request): void {
  const header = request.headers.get(CSRF_HEADER);
  const cookie = readCookie(request.headers.get("cookie"), CSRF_COOKIE);
  if (!header || !cookie) {
    throw new HttpError(403, "CsrfTokenMissing", `Refused: the request carries no CSRF token (the ${CSRF_HEADER} header and its cookie). Reload the page and try again.`);
  }
  if (!tokensMatch(header, cookie)) {
    throw new HttpError(403, "CsrfTokenInvalid", "Refused: the CSRF token is not valid for this session (the server may have restarted). Reload the page and try again.");
  }
}

/**
 * Throws an HttpError (403, or 421 for a host this server does not answer to) unless mutations
 * are allowed and the request is a same-origin request to an allowed host carrying this
 * session's CSRF token.
 *
 * @example guardMutation(request, process.env); // then call Lambda
 */
export function guardMutation(request: Request, env: Env): void {
  if (isReadOnly(env)) {
    throw new HttpError(403, "ReadOnly", `Durable Lens is in read-only mode (${READ_ONLY_ENV} is set): it does not change executions.`);
  }
  // The proxy refuses such requests first; checked again so no route depends on it alone.
  const refusal = hostRefusal(request.url, request.headers, env);
  if (refusal) throw new HttpError(refusal.status, refusal.code, refusal.message);
  checkSameOrigin(request, env);
  checkCsrfToken(request);
}
