// GET /api/session: the CSRF token in the body and in an HttpOnly cookie, kept across calls of
// one browser session; no token at all in read-only mode.
import { afterEach, describe, expect, it } from "vitest";
import { CSRF_COOKIE } from "@/lib/csrf-header";
import { GET } from "./route";

afterEach(() => {
  delete process.env.DURABLE_LENS_READ_ONLY;
});

describe("GET /api/session", () => {
  it("hands out a token in the body and the same one in an HttpOnly, SameSite=Strict cookie", async () => {
    const response = GET(new Request("http://localhost:3000/api/session"));
    const body = (await response.json()) as { readOnly: boolean; csrfToken: string };
    expect(body.readOnly).toBe(false);
    expect(body.csrfToken).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(response.headers.get("set-cookie")).toBe(`${CSRF_COOKIE}=${body.csrfToken}; Path=/; HttpOnly; SameSite=Strict`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a valid token from the cookie, replaces a forged one, and marks the cookie Secure over https", async () => {
    const first = (await GET(new Request("http://localhost:3000/api/session")).json()) as { csrfToken: string };
    const again = GET(new Request("http://localhost:3000/api/session", { headers: { cookie: `a=b; ${CSRF_COOKIE}=${first.csrfToken}` } }));
    expect(((await again.json()) as { csrfToken: string }).csrfToken).toBe(first.csrfToken);
    const forged = GET(new Request("https://localhost/api/session", { headers: { cookie: `${CSRF_COOKIE}=abc.def` } }));
    const token = ((await forged.json()) as { csrfToken: string }).csrfToken;
    expect(token).not.toBe("abc.def");
    expect(forged.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("says read-only and hands out no token in read-only mode", async () => {
    process.env.DURABLE_LENS_READ_ONLY = "1";
    const response = GET(new Request("http://localhost:3000/api/session"));
    expect(await response.json()).toEqual({ readOnly: true });
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("GET /api/session for a host name the server does not answer to", () => {
  it("hands out no token to a page whose name was rebound to this machine", async () => {
    const response = GET(new Request("http://rebind.test:3000/api/session", { headers: { host: "rebind.test:3000" } }));
    expect(response.status).toBe(421);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toMatchObject({ code: "HostNotAllowed" });
  });
});
