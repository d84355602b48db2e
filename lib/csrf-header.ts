/**
 * Names the browser and the server agree on for the CSRF token; no Node imports, so the
 * browser bundle can use them.
 */

/** The request header that carries the session's CSRF token on every mutating request. */
export const CSRF_HEADER = "x-durable-lens-csrf";

/** The cookie the server keeps the same token in (HttpOnly: scripts never read it). */
export const CSRF_COOKIE = "durable-lens-csrf";
