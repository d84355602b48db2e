// `durable-lens dev` as a user runs it: the real CLI in its own process, a handler module in
// a temp project, a real LambdaClient, edits on disk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { InvokeCommand, SendDurableExecutionCallbackSuccessCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { callbackIdOf, clientFor, finished, tempProject, type TempProject } from "./dev.test-support.js";

const loader = fileURLToPath(new URL("../../../loader/register.mjs", import.meta.url));
const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));

const handlerSource = (exportName = "handler") => `
import { withDurableExecution } from "@durable-lens/sdk";
import { VERSION } from "./version.js";

export const ${exportName} = withDurableExecution(async (event: { approval?: boolean }, context) => {
  const first = await context.step("first", async () => VERSION);
  if (!event.approval) return { first };
  const answer = await context.waitForCallback("approve", async () => {});
  const second = await context.step("second", async () => VERSION);
  return { first, answer, second };
});
`;

let project: TempProject;
let child: ChildProcess;
let output = "";
let client: LambdaClient;

/** Resolves with the first match of `pattern` in the CLI's output from `from` on. */
async function outputMatching(pattern: RegExp, from = 0, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = output.slice(from).match(pattern);
    if (m) return m;
    if (child.exitCode !== null) throw new Error(`the CLI exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} in the CLI's output within ${timeoutMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function invoke(payload: unknown): Promise<unknown> {
  const out = await client.send(new InvokeCommand({ FunctionName: "orders", Payload: JSON.stringify(payload) }));
  expect(out.FunctionError).toBeUndefined();
  return JSON.parse(new TextDecoder().decode(out.Payload));
}

beforeAll(async () => {
  project = tempProject();
  project.write("version.ts", `export const VERSION: string = "v1";\n`);
  project.write("orders.ts", handlerSource());
  child = spawn(process.execPath, ["--import", loader, cli, "dev", "orders.ts", "--port", "0", "--data-dir", "data"], { cwd: project.dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const [, endpoint] = await outputMatching(/listening on (http:\/\/\S+)/, 0, 30_000);
  client = clientFor(endpoint!);
}, 40_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  project?.remove();
});

describe("durable-lens dev", () => {
  it("serves a TypeScript handler module under its file name, with no build", async () => {
    expect(output).toMatch(/^orders: orders\.ts$/m);
    expect(await invoke({})).toEqual({ first: "v1" });
  });

  it("reloads on an edit of a file the module imports: new invocations and running executions use the new code", async () => {
    const started = await client.send(new InvokeCommand({ FunctionName: "orders", InvocationType: "Event", Payload: JSON.stringify({ approval: true }) }));
    const arn = started.DurableExecutionArn!;
    const callbackId = await callbackIdOf(client, arn);

    const mark = output.length;
    project.write("version.ts", `export const VERSION: string = "v2";\n`);
    await outputMatching(/^orders: reloaded \(version\.ts changed\)$/m, mark);
    expect(await invoke({})).toEqual({ first: "v2" });

    // The waiting execution's next invocation runs the new code; what it recorded stays.
    await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode("ok") }));
    const done = await finished(client, arn);
    expect(done.Status).toBe("SUCCEEDED");
    expect(JSON.parse(done.Result!)).toEqual({ first: "v1", answer: "ok", second: "v2" });
  });

  it("says why an edited module cannot run, and recovers when it is fixed", async () => {
    let mark = output.length;
    project.write("orders.ts", handlerSource("main"));
    await outputMatching(/^orders: Runtime\.HandlerNotFound: \S+orders\.ts#handler is undefined or not exported/m, mark);
    const failed = await client.send(new InvokeCommand({ FunctionName: "orders", Payload: "{}" }));
    expect(failed.FunctionError).toBe("Unhandled");
    expect(JSON.parse(new TextDecoder().decode(failed.Payload))).toMatchObject({ errorType: "Runtime.HandlerNotFound" });

    mark = output.length;
    project.write("orders.ts", handlerSource());
    await outputMatching(/^orders: reloaded \(orders\.ts changed\)$/m, mark);
    expect(await invoke({})).toEqual({ first: "v2" });
  });
});
