// GET /durable-lens/functions/{name}/handler-bundle on the real local service, with the
// samples and a user's TypeScript handler registered the way `durable-lens dev` does: every
// function it lists has a bundle, and a bundle runs once its bare runtime import is provided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { InvokeCommand, ListFunctionsCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { MemoryStore } from "../engine/index.js";
import type { DurableLambdaHandler } from "../runtime/index.js";
import { withDurableExecution } from "../runtime/index.js";
import { DevServer } from "./dev/dev-server.js";
import { clientFor, tempProject, type TempProject } from "./dev/dev.test-support.js";
import { parseFunctionArgument } from "./dev/function-spec.js";
import { HANDLER_EXPORT_HEADER } from "./http-api.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

/** What the bundle's bare import stands for here: the sdk's main entry, as the sources the tests run on. */
const SDK_ENTRY = new URL("../node.ts", import.meta.url).href;

let project: TempProject;
let dev: DevServer;
let client: LambdaClient;
/** Runs bundled handlers, as the simulator would run them on its own engine. */
let replay: LocalDurableService;

beforeAll(async () => {
  project = tempProject();
  project.write("tax.ts", `export function taxOn(amount: number): number {\n  return Math.round(amount * 0.2);\n}\n`);
  project.write(
    "orders.ts",
    `import { withDurableExecution } from "@durable-lens/sdk";
import { taxOn } from "./tax.js";

interface Order { id: string; amount: number }

export const placeOrder = withDurableExecution(async (order: Order, ctx) => {
  const tax = await ctx.step("tax", async () => taxOn(order.amount));
  const total = await ctx.runInChildContext("total", async (child) => child.step("add", async () => order.amount + tax));
  return { id: order.id, tax, total };
});
`,
  );
  project.write("reads-files.ts", `import { readFileSync } from "node:fs";\nimport { withDurableExecution } from "@durable-lens/sdk";\n\nexport const handler = withDurableExecution(async () => readFileSync("/etc/hostname", "utf8"));\n`);
  dev = await DevServer.start({
    store: SqliteStore.open(project.dir),
    functions: [parseFunctionArgument("orders.ts#placeOrder", project.dir), parseFunctionArgument("reads-files.ts", project.dir)],
    samples: true,
    watch: false,
  });
  dev.service.registry.register({ name: "in-process", handler: withDurableExecution(async () => "no file") });
  client = clientFor(dev.service.endpoint);
  replay = await LocalDurableService.start({ store: new MemoryStore() });
}, 30_000);

afterAll(async () => {
  await replay?.stop();
  await dev?.stop();
  project?.remove();
});

const bundleOf = (name: string) => fetch(`${dev.service.endpoint}/durable-lens/functions/${name}/handler-bundle`);

/** Imports a bundle the way the simulator does: its bare runtime import pointed at a runtime instance. */
async function load(code: string, file: string): Promise<Record<string, unknown>> {
  const path = join(project.dir, file);
  writeFileSync(path, code.replaceAll(`from "@durable-lens/sdk"`, `from ${JSON.stringify(SDK_ENTRY)}`));
  return (await import(path)) as Record<string, unknown>;
}

/** Runs a handler to its end on the replay service and returns its result. */
async function run(name: string, handler: DurableLambdaHandler, input: unknown): Promise<unknown> {
  replay.registry.register({ name, handler });
  const out = await clientFor(replay.endpoint).send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(input) }));
  expect(out.FunctionError).toBeUndefined();
  return JSON.parse(new TextDecoder().decode(out.Payload));
}

function expectBrowserEsm(code: string): void {
  expect(code).toMatch(/^export \{[^}]*\};$/m);
  expect(code).not.toContain("require(");
  expect(code).not.toMatch(/from\s*["']node:|import\(["']node:/);
  // The runtime is imported, never bundled: only bare imports of it, and no second copy of its code.
  expect([...code.matchAll(/^import .* from "(.*)";$/gm)].map((m) => m[1])).toEqual(["@durable-lens/sdk"]);
  expect(code).not.toContain("class CheckpointManager");
}

describe("GET /durable-lens/functions/{name}/handler-bundle", () => {
  it("serves every function the service lists that has a module: the samples and the user's", async () => {
    const listed = (await client.send(new ListFunctionsCommand({}))).Functions!.map((f) => f.FunctionName!).filter((n) => n !== "in-process" && n !== "reads-files");
    expect(listed).toContain("order-processor");
    expect(listed).toContain("orders");
    for (const name of listed) {
      const response = await bundleOf(name);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
      expectBrowserEsm(await response.text());
    }
  });

  it("bundles a user's TypeScript module with the files it imports; the bundle runs and says which export is the handler", async () => {
    const response = await bundleOf("orders");
    expect(response.headers.get(HANDLER_EXPORT_HEADER)).toBe("placeOrder");
    const code = await response.text();
    expect(code).toContain("Math.round(amount * 0.2)");
    const handler = (await load(code, "orders.bundle.mjs")).placeOrder;
    expect(handler).toBeTypeOf("function");
    expect(await run("orders", handler as DurableLambdaHandler, { id: "o-1", amount: 100 })).toEqual({ id: "o-1", tax: 20, total: 120 });
  });

  it("bundles a sample's module, with the sample's export named", async () => {
    const response = await bundleOf("tax-calculator");
    expect(response.headers.get(HANDLER_EXPORT_HEADER)).toBe("taxCalculator");
    const handler = (await load(await response.text(), "tax-calculator.bundle.mjs")).taxCalculator;
    expect(await run("tax-calculator", handler as DurableLambdaHandler, { amount: 1000, country: "DE" })).toEqual({ rate: 0.19, tax: 190 });
  });

  it("answers 404 naming the function when it is unknown, or registered in-process with no module", async () => {
    const unknown = await bundleOf("no-such-function");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ Type: "User", Message: "Function not found: no-such-function" });

    const inProcess = await bundleOf("in-process");
    expect(inProcess.status).toBe(404);
    expect(await inProcess.json()).toMatchObject({ Type: "User", Message: expect.stringMatching(/^Function in-process has no handler module to bundle/) });
  });

  it("answers 422 naming a Node built-in the module imports", async () => {
    const response = await bundleOf("reads-files");
    expect(response.status).toBe(422);
    expect(response.headers.get("x-amzn-errortype")).toBe("HandlerBundleException");
    expect(await response.json()).toMatchObject({ Type: "User", Message: expect.stringMatching(/^reads-files\.ts:1:29: imports "node:fs", a Node built-in module/) });
  });

  it("refuses a name that is no function name, and never reads a path from it", async () => {
    const encoded = await bundleOf(encodeURIComponent("../../etc/passwd"));
    expect(encoded.status).toBe(400);
    expect(await encoded.json()).toMatchObject({ Message: 'FunctionName "../../etc/passwd" is not a valid function name or ARN' });
    // Dot segments are gone before routing: what is left is no route of the service.
    const dotted = await fetch(`${dev.service.endpoint}/durable-lens/functions/../../etc/passwd/handler-bundle`);
    expect(dotted.status).toBe(404);
  });
});
