// The handler bundle route: passes the local service's bundle through as it is, maps its
// refusals like every other route's errors, and has nothing to give on AWS.
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withDurableExecution } from "@durable-lens/sdk";
import { sampleRegistrations } from "@durable-lens/sdk/local";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiError } from "@/lib/api-types";
import { params, startRouteTestService, type RouteTestService } from "../../../route-test-support";

vi.mock("server-only", () => ({}));

const quick = withDurableExecution(async (_event: unknown, ctx) => ctx.step("only", async () => "done"));

let t: RouteTestService;
let dir: string;
let GET: typeof import("./route").GET;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "durable-lens-route-bundle-"));
  const readsFiles = join(dir, "reads-files.ts");
  writeFileSync(readsFiles, `import { readFileSync } from "node:fs";\nexport const handler = () => readFileSync("x");\n`);
  t = await startRouteTestService([
    ...sampleRegistrations().filter((f) => f.name === "order-processor"),
    { name: "in-process", handler: quick },
    { name: "reads-files", handler: quick, source: { file: readsFiles, exportName: "handler" } },
  ]);
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

const bundleOf = (name: string) => GET(new Request(`http://localhost:3000/api/functions/${encodeURIComponent(name)}/handler-bundle`), params({ name }));

async function refusal(name: string): Promise<ApiError> {
  const response = await bundleOf(name);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as ApiError;
  expect(body.status).toBe(response.status);
  return body;
}

describe("GET /api/functions/{name}/handler-bundle", () => {
  it("passes the local service's bundle on with its content type and handler export", async () => {
    const response = await bundleOf("order-processor");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(response.headers.get("x-durable-lens-handler-export")).toBe("orderProcessor");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const code = await response.text();
    expect(code).toMatch(/^import \{[^}]*\bwithDurableExecution\b[^}]*\} from "@durable-lens\/sdk";$/m);
    expect(code).toMatch(/^export \{\s*orderProcessor\s*\};$/m);
  });

  it("answers 404 naming an unknown function, and one with no module to bundle", async () => {
    expect(await refusal("no-such-function")).toEqual({ status: 404, code: "NotFound", message: "Function not found: no-such-function" });
    expect(await refusal("in-process")).toMatchObject({ status: 404, code: "NotFound", message: expect.stringMatching(/^Function in-process has no handler module/) });
  });

  it("answers 422 with the bundler's message when the module cannot run in a browser", async () => {
    expect(await refusal("reads-files")).toMatchObject({ status: 422, code: "HandlerBundleException", message: expect.stringMatching(/imports "node:fs", a Node built-in module/) });
  });

  it("refuses a name that is no function name before asking the service", async () => {
    expect(await refusal("../../etc/passwd")).toMatchObject({ status: 400, code: "InvalidParameter" });
  });

  it("has no bundles when the target is AWS: handler modules are uploaded there", async () => {
    const response = await withEnv({ DURABLE_LENS_TARGET: "aws" }, (get) => get(new Request("http://localhost:3000/api/functions/order-processor/handler-bundle"), params({ name: "order-processor" })));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NotFound", message: expect.stringMatching(/only from the local durable service.*upload the handler module of order-processor/) });
  });

  it("says so when the local service is not running", async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((r) => server.close(r));
    const response = await withEnv({ DURABLE_LENS_LOCAL_ENDPOINT: endpoint }, (get) => get(new Request("http://localhost:3000/api/functions/order-processor/handler-bundle"), params({ name: "order-processor" })));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "ServiceUnreachable", message: expect.stringContaining(endpoint) });
  });
});

/** Runs `work` with the route loaded afresh under `env`, since the app reads its configuration once. */
async function withEnv(env: Record<string, string>, work: (get: typeof GET) => Promise<Response>): Promise<Response> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  vi.resetModules();
  try {
    return await work((await import("./route")).GET);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
