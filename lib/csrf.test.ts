import { describe, expect, it } from "vitest";
import { csrfCookie, isIssuedCsrfToken, issueCsrfToken, readCookie, tokensMatch } from "./csrf";

describe("CSRF tokens", () => {
  it("issues a different signed token each time, each one valid", () => {
    const a = issueCsrfToken();
    const b = issueCsrfToken();
    expect(a).not.toBe(b);
    expect(isIssuedCsrfToken(a)).toBe(true);
    expect(tokensMatch(a, a)).toBe(true);
  });

  it("rejects a token whose nonce or signature was changed, a bare nonce, and a header that differs from the cookie", () => {
    const token = issueCsrfToken();
    const [nonce, signature] = token.split(".") as [string, string];
    expect(isIssuedCsrfToken(`${nonce}x.${signature}`)).toBe(false);
    expect(isIssuedCsrfToken(`${nonce}.${signature.slice(1)}`)).toBe(false);
    expect(isIssuedCsrfToken(nonce)).toBe(false);
    expect(isIssuedCsrfToken(`.${signature}`)).toBe(false);
    expect(tokensMatch(issueCsrfToken(), token)).toBe(false);
  });

  it("writes and reads the cookie", () => {
    expect(csrfCookie("t.s", true)).toBe("durable-lens-csrf=t.s; Path=/; HttpOnly; SameSite=Strict; Secure");
    expect(readCookie("theme=dark; durable-lens-csrf=t.s", "durable-lens-csrf")).toBe("t.s");
    expect(readCookie("theme=dark", "durable-lens-csrf")).toBeUndefined();
    expect(readCookie(null, "durable-lens-csrf")).toBeUndefined();
  });
});
