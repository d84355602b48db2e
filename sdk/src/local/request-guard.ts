import type { IncomingHttpHeaders } from "node:http";

/** The names the service answers to: its loopback names, its bind address and what the user adds. */
export interface TrustedHosts {
  /** The address the service listens on (its own name is trusted unless it is a wildcard). */
  bindHost: string;
  /** More names, from `--allow-host` / `DURABLE_LENS_ALLOWED_HOSTS`: `name` (any port) or `name:port`. */
  allowedHosts?: readonly string[];
}

/** An `--allow-host` entry that is no host name: a startup error, said as such. */
export class AllowedHostError extends Error {
  override name = "AllowedHostError";
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/** `name` or `[v6]`, lower case; IPv6 bind addresses come without brackets. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  return h.includes(":") && !h.startsWith("[") ? `[${h}]` : h;
}

/** Splits a Host header (`name`, `name:port`, `[v6]:port`) into its name and port. */
function splitHost(value: string): { name: string; port?: string } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), ...(m[2] !== undefined && { port: m[2] }) };
}

/**
 * Decides which requests the local service takes. It has no credentials to check, so it must
 * tell programs on this machine (the AWS CLI, SDK clients, the app's server, handler workers),
 * which send no Origin, from web pages, which a browser makes send one:
 * - the Host must be one of the service's own names, so a page on a rebound DNS name
 *   (evil.example resolving to 127.0.0.1) reaches nothing, reads included;
 * - an Origin, when there is one, must be the service's own (`http://` + the Host);
 * - `Sec-Fetch-Site`, when there is one, must be `same-origin` or `none` (typed in the address bar).
 *
 * @example new RequestGuard({ bindHost: "127.0.0.1" }).refusal(req.headers) // undefined, or why not
 */
export class RequestGuard {
  private readonly anyPort = new Set<string>();
  private readonly exact = new Set<string>();

  constructor(trusted: TrustedHosts) {
    for (const n of LOOPBACK_NAMES) this.anyPort.add(n);
    if (!WILDCARDS.has(hostName(trusted.bindHost))) this.anyPort.add(hostName(trusted.bindHost));
    for (const entry of trusted.allowedHosts ?? []) {
      const e = entry.trim().toLowerCase();
      // A bare IPv6 address has more than one colon; bracket it as a Host header does.
      const parsed = splitHost((e.match(/:/g)?.length ?? 0) > 1 && !e.startsWith("[") ? `[${e}]` : e);
      if (!parsed) throw new AllowedHostError(`Allowed host ${JSON.stringify(entry)} is not a host name, optionally with :port`);
      if (parsed.port === undefined) this.anyPort.add(parsed.name);
      else this.exact.add(`${parsed.name}:${parsed.port}`);
    }
  }

  /** Why the request is refused, in words for its sender; undefined when it is taken. */
  refusal(headers: IncomingHttpHeaders): string | undefined {
    const host = headers.host;
    if (!host) return "The request has no Host header; the local service answers only requests to its own names";
    const parsed = splitHost(host);
    const trusted = parsed && (this.anyPort.has(parsed.name) || this.exact.has(`${parsed.name}:${parsed.port ?? "80"}`));
    if (!trusted) {
      return `Host ${JSON.stringify(host)} is not a name of this local service (${[...this.anyPort, ...this.exact].join(", ")}): it answers no other name, so a web page on a DNS name pointed at this machine cannot reach it. Add a name with --allow-host or DURABLE_LENS_ALLOWED_HOSTS`;
    }
    const origin = headers.origin;
    if (origin !== undefined && origin !== `http://${host.trim().toLowerCase()}`) {
      return `Origin ${JSON.stringify(origin)} is another site: the local service is unauthenticated, so it takes no request a web page sends`;
    }
    const site = headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      return `Sec-Fetch-Site ${JSON.stringify(site)}: the request comes from a web page of another site, and the local service is unauthenticated, so it takes none`;
    }
    return undefined;
  }
}
