import { describe, expect, it } from "vitest";
import { gateRequest, pathDecodes } from "./request-gate";

const local = new Headers({ host: "127.0.0.1:3000" });

describe("pathDecodes", () => {
  it("accepts UTF-8 escapes, reserved escapes and plain text", () => {
    for (const path of ["/", "/api/executions/arn%3Aaws%3Alambda/stop", "/executions/%E2%9C%93", "/api/history-files/a%2Fb.json", "/a%20b"]) {
      expect({ path, ok: pathDecodes(path) }).toEqual({ path, ok: true });
    }
  });

  it("refuses escapes that are not UTF-8 (lone bytes, overlong forms, truncated ones)", () => {
    for (const path of ["/api/executions/%FF/stop", "/executions/%C0%AE", "/x/%E2%9C", "/x/%", "/x/%G1", "/x/%ED%A0%80"]) {
      expect({ path, ok: pathDecodes(path) }).toEqual({ path, ok: false });
    }
  });
});

describe("gateRequest", () => {
  it("lets a good request to an allowed host through", () => {
    expect(gateRequest("http://127.0.0.1:3000/api/executions/abc", local, {})).toBeUndefined();
  });

  it("answers an undecodable path with 400: the API's JSON error under /api, plain text elsewhere", () => {
    const api = gateRequest("http://127.0.0.1:3000/api/executions/%FF/stop", local, {});
    expect(api).toMatchObject({ status: 400, contentType: "application/json" });
    expect(JSON.parse(api!.body)).toMatchObject({ status: 400, code: "InvalidUrl" });
    const page = gateRequest("http://127.0.0.1:3000/executions/%C0%AE", local, {});
    expect(page).toMatchObject({ status: 400, contentType: "text/plain; charset=utf-8" });
    expect(page!.body).toMatch(/not valid/);
  });

  it("refuses a foreign host before anything else, on reads and pages too", () => {
    const rebound = new Headers({ host: "rebind.test:3000" });
    expect(JSON.parse(gateRequest("http://rebind.test:3000/api/session", rebound, {})!.body)).toMatchObject({ status: 421, code: "HostNotAllowed" });
    expect(gateRequest("http://rebind.test:3000/", rebound, {})).toMatchObject({ status: 421, contentType: "text/plain; charset=utf-8" });
    expect(gateRequest("http://rebind.test:3000/api/x/%FF", rebound, {})?.status).toBe(421);
  });
});
