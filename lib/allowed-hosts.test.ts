import { describe, expect, it } from "vitest";
import { ALLOWED_HOSTS_ENV, hostRefusal, isAllowedHost, TRUST_PROXY_ENV } from "./allowed-hosts";

describe("isAllowedHost", () => {
  it("answers to the loopback names on any port", () => {
    for (const host of ["127.0.0.1:3000", "127.0.0.1", "localhost:3208", "LOCALHOST:80", "[::1]:3000", "localhost."]) {
      expect({ host, allowed: isAllowedHost(host, {}) }).toEqual({ host, allowed: true });
    }
  });

  it("refuses every other name, including ones that resolve to this machine (DNS rebinding)", () => {
    for (const host of ["rebind.test:3000", "rebind.example", "127.0.0.1.nip.io:3000", "localhost.evil.example", "evil.localhost.example", "127.0.0.2:3000", "0.0.0.0:3000", "", "a b", "localhost:3000@evil", "[::2]:3000"]) {
      expect({ host, allowed: isAllowedHost(host, {}) }).toEqual({ host, allowed: false });
    }
  });

  it("answers to the configured HOST (with PORT) unless it binds every interface", () => {
    expect(isAllowedHost("lens.internal:3000", { HOST: "lens.internal", PORT: "3000" })).toBe(true);
    expect(isAllowedHost("lens.internal:4000", { HOST: "lens.internal", PORT: "3000" })).toBe(false);
    expect(isAllowedHost("lens.internal:4000", { HOST: "lens.internal" })).toBe(true);
    expect(isAllowedHost("0.0.0.0:3000", { HOST: "0.0.0.0", PORT: "3000" })).toBe(false);
    expect(isAllowedHost("[::]:3000", { HOST: "::", PORT: "3000" })).toBe(false);
  });

  it("answers to the names of DURABLE_LENS_ALLOWED_HOSTS, with or without a port", () => {
    const env = { [ALLOWED_HOSTS_ENV]: " Lens.Example.com , 10.0.0.5:8080,,[fd00::1]" };
    expect(isAllowedHost("lens.example.com", env)).toBe(true);
    expect(isAllowedHost("lens.example.com:443", env)).toBe(true);
    expect(isAllowedHost("10.0.0.5:8080", env)).toBe(true);
    expect(isAllowedHost("10.0.0.5:9090", env)).toBe(false);
    expect(isAllowedHost("[fd00::1]:3000", env)).toBe(true);
    expect(isAllowedHost("sub.lens.example.com", env)).toBe(false);
  });
});

describe("hostRefusal", () => {
  const url = "http://127.0.0.1:3000/api/session";

  it("refuses with 421 and a message naming the fix, not the refused name", () => {
    const refusal = hostRefusal(url, new Headers({ host: "rebind.test:3000" }), {});
    expect(refusal).toMatchObject({ status: 421, code: "HostNotAllowed" });
    expect(refusal!.message).toContain(ALLOWED_HOSTS_ENV);
    expect(refusal!.message).not.toContain("rebind.test");
  });

  it("uses the URL's host only when the request has no Host header", () => {
    expect(hostRefusal(url, new Headers(), {})).toBeUndefined();
    expect(hostRefusal("http://rebind.test:3000/", new Headers(), {})).toMatchObject({ status: 421 });
  });

  it("checks the forwarded host instead when a proxy is trusted, and ignores it otherwise", () => {
    const headers = new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "rebind.test" });
    expect(hostRefusal(url, headers, {})).toBeUndefined();
    expect(hostRefusal(url, headers, { [TRUST_PROXY_ENV]: "1" })).toMatchObject({ status: 421 });
    const proxied = new Headers({ host: "app:3000", "x-forwarded-host": "lens.example.com, inner" });
    expect(hostRefusal(url, proxied, { [TRUST_PROXY_ENV]: "1", [ALLOWED_HOSTS_ENV]: "lens.example.com" })).toBeUndefined();
  });
});
