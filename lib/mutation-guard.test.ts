import { describe, expect, it } from "vitest";
import { CSRF_COOKIE, CSRF_HEADER } from "./csrf-header";
import { issueCsrfToken } from "./csrf";
import { ALLOWED_HOSTS_ENV } from "./allowed-hosts";
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
    expect(refusal(() => guardMutation(proxied, { [TRUST_PROXY_ENV]: "1", [ALLOWED_HOSTS_ENV]: "lens.example.com" }))).toBeUndefined();
    // A trusted proxy still only speaks for the hosts the deployment allows.
    expect(refusal(() => guardMutation(proxied, { [TRUST_PROXY_ENV]: "1" }))).toBe("HostNotAllowed");
    expect(refusal(() => guardMutation(proxied, {}))).toBe("CrossOriginRefused");
  });
});

describe("guardMutation's host check (DNS rebinding)", () => {
  it("refuses a same-origin request with a valid token sent to a host name the server does not answer to", () => {
    // A page on http://rebind.test:3000 resolving to 127.0.0.1: its Origin matches its Host.
    const rebound = request({ origin: "http://rebind.test:3000", host: "rebind.test:3000" }, "http://rebind.test:3000/api/executions/x/stop");
    expect(refusal(() => guardMutation(rebound, {}))).toBe("HostNotAllowed");
    expect(refusal(() => guardMutation(rebound, { [ALLOWED_HOSTS_ENV]: "rebind.test" }))).toBeUndefined();
  });
});
