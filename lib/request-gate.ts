/**
 * What the proxy checks on every request before Next.js routes it: the host it was sent to
 * (DNS rebinding), and a path that decodes (Next.js answers a bare 500 while matching a dynamic
 * segment such as `%FF`). Pure: it takes the URL and headers and says how to refuse, if at all.
 */
import type { ApiError } from "./api-types";
import { hostRefusal } from "./allowed-hosts";
import type { Env } from "./target-config";

/** A refusal: the JSON error body under /api, a plain-text page elsewhere. */
export interface GateRefusal {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Whether every segment of a raw (still percent-encoded) path decodes to UTF-8 text.
 *
 * @example pathDecodes("/api/executions/%E2%9C%93/stop") // true
 * @example pathDecodes("/api/executions/%FF/stop") // false
 */
export function pathDecodes(rawPath: string): boolean {
  for (const segment of rawPath.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return false;
    }
  }
  return true;
}

/** The path part of a request target exactly as it was sent (`new URL` keeps percent-escapes as they are). */
function rawPathOf(url: string): string {
  return new URL(url).pathname;
}

function refusal(path: string, error: ApiError): GateRefusal {
  if (path === "/api" || path.startsWith("/api/")) {
    return { status: error.status, contentType: "application/json", body: JSON.stringify(error) };
  }
  return { status: error.status, contentType: "text/plain; charset=utf-8", body: `${error.message}\n` };
}

/**
 * How to refuse a request, or undefined to let it through.
 *
 * @example gateRequest("http://127.0.0.1:3000/api/executions/%FF", new Headers({ host: "127.0.0.1:3000" }), {})?.status // 400
 */
export function gateRequest(url: string, headers: Headers, env: Env): GateRefusal | undefined {
  const path = rawPathOf(url);
  const host = hostRefusal(url, headers, env);
  if (host) return refusal(path, host);
  if (!pathDecodes(path)) {
    return refusal(path, {
      status: 400,
      code: "InvalidUrl",
      message: "The address is not valid: part of its path is percent-encoded bytes that are not UTF-8 text (such as %FF).",
    });
  }
  return undefined;
}
