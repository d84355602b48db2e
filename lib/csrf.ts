/**
 * CSRF tokens: a random nonce signed with a secret of this server process, handed to the page by
 * `GET /api/session` in the JSON body and in an HttpOnly cookie. A mutation must send it back in a
 * header, equal to the cookie; a cross-site page can neither read the body nor set the header.
 * The signature means a cookie planted from a sibling domain does not count as one we issued.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { CSRF_COOKIE } from "./csrf-header";

/** Route modules may be bundled separately; the secret must be one per process, not per bundle. */
const holder = globalThis as typeof globalThis & { __durableLensCsrfSecret?: Buffer };

function secret(): Buffer {
  holder.__durableLensCsrfSecret ??= randomBytes(32);
  return holder.__durableLensCsrfSecret;
}

function sign(nonce: string): string {
  return createHmac("sha256", secret()).update(nonce).digest("base64url");
}

/**
 * A fresh token: `<nonce>.<signature>`, both base64url.
 *
 * @example issueCsrfToken() // "q3C2…Xw.Jd8k…0A"
 */
export function issueCsrfToken(): string {
  const nonce = randomBytes(24).toString("base64url");
  return `${nonce}.${sign(nonce)}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * True when `token` was issued by this server process (a restart makes old tokens invalid).
 *
 * @example isIssuedCsrfToken(issueCsrfToken()) // true
 */
export function isIssuedCsrfToken(token: string): boolean {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 200) return false;
  return sameText(token.slice(dot + 1), sign(token.slice(0, dot)));
}

/**
 * True when the header and the cookie carry the same token and this process issued it.
 *
 * @example tokensMatch(token, token) // true
 */
export function tokensMatch(header: string, cookie: string): boolean {
  return sameText(header, cookie) && isIssuedCsrfToken(cookie);
}

/**
 * The Set-Cookie value that stores a token for the session (no Max-Age: it ends with the browser).
 * `Secure` only over https, or a plain-http localhost would never send it back.
 *
 * @example csrfCookie(token, false) // "durable-lens-csrf=…; Path=/; HttpOnly; SameSite=Strict"
 */
export function csrfCookie(token: string, secure: boolean): string {
  return `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/**
 * One cookie's value from a Cookie header.
 *
 * @example readCookie("a=1; durable-lens-csrf=x.y", "durable-lens-csrf") // "x.y"
 */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
