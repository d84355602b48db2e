import type { SessionInfo } from "@/lib/action-types";
import { csrfCookie, isIssuedCsrfToken, issueCsrfToken, readCookie } from "@/lib/csrf";
import { CSRF_COOKIE } from "@/lib/csrf-header";
import { hostRefusal } from "@/lib/allowed-hosts";
import { isReadOnly } from "@/lib/read-only";

const NO_STORE = { "Cache-Control": "no-store" } as const;

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * Whether this server allows mutations, and this browser session's CSRF token (also set as an
 * HttpOnly cookie). A valid token from the cookie is handed out again, so several tabs share one.
 * Never to a request sent to a host name this server does not answer to (DNS rebinding).
 */
export function GET(request: Request): Response {
  const refused = hostRefusal(request.url, request.headers, process.env);
  if (refused) return Response.json(refused, { status: refused.status, headers: NO_STORE });
  if (isReadOnly(process.env)) return Response.json({ readOnly: true } satisfies SessionInfo, { headers: NO_STORE });
  const existing = readCookie(request.headers.get("cookie"), CSRF_COOKIE);
  const token = existing && isIssuedCsrfToken(existing) ? existing : issueCsrfToken();
  return Response.json({ readOnly: false, csrfToken: token } satisfies SessionInfo, {
    headers: { ...NO_STORE, "Set-Cookie": csrfCookie(token, isHttps(request)) },
  });
}
