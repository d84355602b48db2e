/**
 * The host names this server answers to. A page on an attacker's domain whose name is made to
 * resolve to 127.0.0.1 (DNS rebinding) is same-origin with itself, so the browser lets it read
 * our answers; only the Host header it sends gives it away. Every request is checked, reads
 * included. No Node imports: the proxy runs this too.
 */
import type { Env } from "./target-config";

/** A comma-separated list of extra host names (optionally `name:port`) a deployment is reached by. */
export const ALLOWED_HOSTS_ENV = "DURABLE_LENS_ALLOWED_HOSTS";

/** Set to trust X-Forwarded-Host/-Proto from a reverse proxy in front of the app (anyone can send those headers otherwise). */
export const TRUST_PROXY_ENV = "DURABLE_LENS_TRUST_PROXY";

/** Names that can only ever mean this machine: a rebinding page never carries one of them. */
const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/** Addresses that bind every interface: they name no host a browser could use. */
const WILDCARD = new Set(["0.0.0.0", "::", "[::]", ""]);

interface HostPattern {
  name: string;
  /** Undefined: any port. */
  port?: string;
}

/** `name[:port]` lower-cased, IPv6 in brackets; undefined when it is not a host. */
function parseHost(raw: string): HostPattern | undefined {
  const value = raw.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+|[0-9a-f:]+:[0-9a-f:.]*)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return undefined;
  let name = match[1]!;
  // A bare IPv6 address (HOST=::1) has no brackets; a Host header always has them.
  if (name.includes(":") && !name.startsWith("[")) return { name: `[${value}]` };
  if (name.endsWith(".") && name.length > 1) name = name.slice(0, -1);
  return match[2] === undefined ? { name } : { name, port: match[2] };
}

/**
 * The host patterns allowed by `env`: the loopback names, `HOST` (unless it binds every
 * interface) with `PORT`, and every entry of DURABLE_LENS_ALLOWED_HOSTS.
 *
 * @example allowedHosts({ DURABLE_LENS_ALLOWED_HOSTS: "lens.example.com" }).map((h) => h.name) // ["127.0.0.1", "localhost", "[::1]", "lens.example.com"]
 */
export function allowedHosts(env: Env): HostPattern[] {
  const hosts: HostPattern[] = LOOPBACK.map((name) => ({ name }));
  const bound = env.HOST?.trim().toLowerCase();
  if (bound !== undefined && !WILDCARD.has(bound)) {
    const parsed = parseHost(bound);
    if (parsed) hosts.push({ name: parsed.name, ...(env.PORT?.trim() ? { port: env.PORT.trim() } : {}) });
  }
  for (const entry of (env[ALLOWED_HOSTS_ENV] ?? "").split(",")) {
    const parsed = entry.trim() ? parseHost(entry) : undefined;
    if (parsed) hosts.push(parsed);
  }
  return hosts;
}

/**
 * Whether a Host header value names this server according to `env`.
 *
 * @example isAllowedHost("127.0.0.1:3000", {}) // true
 * @example isAllowedHost("rebind.example:3000", {}) // false
 */
export function isAllowedHost(host: string, env: Env): boolean {
  const parsed = parseHost(host);
  if (!parsed) return false;
  return allowedHosts(env).some((h) => h.name === parsed.name && (h.port === undefined || h.port === (parsed.port ?? "")));
}

/**
 * The host the browser addressed: the Host header (the URL's host when there is none: an
 * HTTP/1.0 client, never a browser), or the first X-Forwarded-Host when a proxy in front of the
 * app is trusted to say so.
 *
 * @example addressedHost("http://127.0.0.1:3000/", new Headers({ host: "localhost:3000" }), {}) // "localhost:3000"
 */
export function addressedHost(url: string, headers: Headers, env: Env): string {
  if (env[TRUST_PROXY_ENV]) {
    const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("host") ?? new URL(url).host;
}

/**
 * Why a request must be refused for its host, or undefined when it may go on. The message names
 * the fix, never the refused name itself (it is the attacker's text).
 *
 * @example hostRefusal("http://rebind.example/", new Headers({ host: "rebind.example" }), {})?.status // 421
 */
export function hostRefusal(url: string, headers: Headers, env: Env): { status: number; code: string; message: string } | undefined {
  if (isAllowedHost(addressedHost(url, headers, env), env)) return undefined;
  return {
    status: 421,
    code: "HostNotAllowed",
    message:
      "Refused: this Durable Lens server does not answer to the host name the request was sent to. " +
      `Open it at http://127.0.0.1 or http://localhost, or add the name to ${ALLOWED_HOSTS_ENV} (comma-separated) where the server runs.`,
  };
}
