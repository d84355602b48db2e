import { describe, expect, it } from "vitest";
import { CSRF_COOKIE, CSRF_HEADER } from "./csrf-header";
import { issueCsrfToken } from "./csrf";
import { guardMutation, TRUST_PROXY_ENV } from "./mutation-guard";

const token = issueCsrfToken();

function request(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/executions/x/stop") {
  return new Request(url, { method: "POST", headers: { [CSRF_HEADER]: token, cookie: `${CSRF_COOKIE}=${token}`, ...headers } });
}

const refusal = (fn: () => void) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("guardMutation's origin check", () => {
  it("lets the app's own origin through", () => {
    expect(refusal(() => guardMutation(request({ origin: "http://127.0.0.1:3000" }), {}))).toBeUndefined();
  });

  it("refuses another scheme on the same host", () => {
    expect(refusal(() => guardMutation(request({ origin: "https://127.0.0.1:3000" }), {}))).toBe("CrossOriginRefused");
  });

  it("does not take a forwarded host's word for it unless told to trust a proxy", () => {
    const forged = request({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(refusal(() => guardMutation(forged, {}))).toBe("CrossOriginRefused");
    const proxied = request({ origin: "https://lens.example.com", "x-forwarded-host": "lens.example.com", "x-forwarded-proto": "https" });
    expect(refusal(() => guardMutation(proxied, { [TRUST_PROXY_ENV]: "1" }))).toBeUndefined();
    expect(refusal(() => guardMutation(proxied, {}))).toBe("CrossOriginRefused");
  });
});
