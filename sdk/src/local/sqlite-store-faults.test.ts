// A data directory the store cannot write: read-only, a path through a file, a full disk.
// Startup (the real CLI, in its own process) must stop with a message that names the directory
// and the cause, exit non-zero and leave any store there as it was; a disk that fills up while
// the service runs must get API callers a clear 500 naming the problem, keep everything stored
// readable, and let the service go on once there is room again.
//
// A full disk is a real one where this process may mount a small tmpfs (root, as on CI);
// elsewhere those cases are skipped and the store's own size cap (SQLite's max_page_count),
// which fails writes with the same SQLITE_FULL, stands in for it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import {
  CheckpointDurableExecutionCommand,
  InvokeCommand,
  SendDurableExecutionCallbackSuccessCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { ManualFunction, callbackId, clientFor, refusal, snapshot } from "./lambda-api.test-support.js";
import { LocalDurableService } from "./service.js";
import { DataDirectoryError, SqliteStore } from "./sqlite-store.js";

const loader = fileURLToPath(new URL("../../loader/register.mjs", import.meta.url));
const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const libMjs = fileURLToPath(new URL("../../../scripts/lib.mjs", import.meta.url));

const root = process.getuid?.() === 0;
const work = mkdtempSync(join(tmpdir(), "durable-lens-faults-"));
/** A file where a test asks for a directory. */
const aFile = join(work, "a-file");
writeFileSync(aFile, "not a directory");
const mounts: string[] = [];

/** Mounts a tmpfs at a new directory; undefined when this process may not mount. */
function tmpfs(name: string, options: string): string | undefined {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
const canMount = root && (() => {
  const probe = tmpfs("probe", "size=64k");
  if (probe) spawnSync("umount", [probe]);
  mounts.length = 0;
  return probe !== undefined;
})();

/** Fills the file system under `dir` to the last byte; returns the filler, to delete for room. */
function fill(dir: string): string {
  const filler = join(dir, "filler");
  const fd = openSync(filler, "w");
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
  } finally {
    closeSync(fd);
  }
  return filler;
}

afterAll(() => {
  for (const dir of mounts.reverse()) spawnSync("umount", ["-l", dir]);
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What makes file permissions bind on root, whom they never stop otherwise: the CLI runs under
 * `setpriv` without the capabilities that override them (CAP_DAC_OVERRIDE, CAP_FOWNER). It stays
 * root, with CAP_DAC_READ_SEARCH, so it reads the checkout wherever that lives (a private folder
 * included, which another user could not enter); only writing is denied by a missing `w` bit.
 */
const permissionsBind = ["setpriv", "--bounding-set", "-dac_override,-fowner", "--"];

/**
 * The CLI from sources, as a user starts it. `bound` makes file permissions apply to it even
 * when this process is root, so a read-only directory is read-only to it.
 */
function runCli(args: string[], options: { bound?: boolean; timeoutMs?: number } = {}): Promise<Run> {
  const command = [...(options.bound && root ? permissionsBind : []), process.execPath, "--import", loader, cli, "--port", "0", "--no-seed", ...args];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += String(d)));
  child.stderr!.on("data", (d) => (stderr += String(d)));
  // A CLI that started after all is stopped, so the test fails on its exit code, not a hang.
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 15_000);
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // setpriv (util-linux) missing as root: say so in the failure rather than crash the run.
    child.once("error", (e) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}could not start ${command[0]}: ${e.message}` });
    });
  });
}

/** Every row of every table, to tell a store left as it was from one that changed. */
function contents(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

/** A store with one finished execution in it, as a service that ran before left it. */
async function storeWithHistory(dataDir: string): Promise<string> {
  const service = await LocalDurableService.start({
    store: SqliteStore.open(dataDir),
    functions: [{ name: "hello", handler: withDurableExecution(async (_e, ctx) => ctx.step("greet", async () => "hi")) }],
  });
  const client = clientFor(service.endpoint);
  const out = await client.send(new InvokeCommand({ FunctionName: "hello", Payload: "{}" }));
  expect(new TextDecoder().decode(out.Payload)).toBe('"hi"');
  client.destroy();
  await service.stop();
  return out.$metadata.httpStatusCode === 200 ? join(dataDir, "durable-lens.sqlite") : "";
}

/** The one line a failed start prints: the CLI's own message, no stack trace. */
function startupError(run: Run): string {
  expect(run.code).toBe(1);
  expect(run.stdout).not.toMatch(/listening on/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr.trim();
}

describe("starting the local service on a data directory it cannot write", () => {
  beforeAll(async () => {
    // The TypeScript loader caches what it compiles in node_modules: filled first, so the
    // timed runs below start from a warm cache.
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
  }, 60_000);

  it("names a file that stands where a directory must be", async () => {
    const under = join(aFile, "data");
    expect(startupError(await runCli(["--data-dir", under]))).toBe(
      `durable-lens: The data directory ${under} cannot be used: ${aFile} is a file, not a directory. Choose another --data-dir (DURABLE_LENS_DATA_DIR).`,
    );
    expect(startupError(await runCli(["--data-dir", aFile]))).toMatch(/cannot be used: .*a-file is a file, not a directory\./);
  });

  it("refuses a read-only directory, naming it and the cause, and creates nothing in it", async () => {
    const dir = join(work, "read-only");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    expect(startupError(await runCli(["--data-dir", dir], { bound: true }))).toBe(
      `durable-lens: The data directory ${dir} is not writable: permission denied: the user running the service cannot write there (EACCES). Choose another --data-dir (DURABLE_LENS_DATA_DIR) or fix it.`,
    );
    // A data directory to be made inside it fails the same way, naming the one asked for.
    expect(startupError(await runCli(["--data-dir", join(dir, "data")], { bound: true }))).toMatch(
      new RegExp(`The data directory ${join(dir, "data")} is not writable: permission denied.*\\(EACCES\\)`),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a store whose file is read-only and leaves it exactly as it was", async () => {
    const dir = join(work, "read-only-store");
    const file = await storeWithHistory(dir);
    chmodSync(dir, 0o777); // the directory is writable; only the store's file is not
    chmodSync(file, 0o444);
    const before = contents(file);
    const message = startupError(await runCli(["--data-dir", dir], { bound: true }));
    expect(message).toMatch(new RegExp(`^durable-lens: Cannot open the store in ${dir}: the store is read-only: its file or its directory cannot be written by the user running the service \\(SQLITE_READONLY\\w*\\)`));
    expect(contents(file)).toBe(before);
  });

  it.runIf(canMount)("refuses a read-only file system, as the directory and as a place to make it", async () => {
    const dir = tmpfs("read-only-fs", "ro,size=1m")!;
    for (const dataDir of [dir, join(dir, "data")]) {
      expect(startupError(await runCli(["--data-dir", dataDir]))).toBe(
        `durable-lens: The data directory ${dataDir} is not writable: it is on a read-only file system, or the directory cannot be written (EROFS). Choose another --data-dir (DURABLE_LENS_DATA_DIR) or fix it.`,
      );
    }
  });

  it.runIf(canMount)("refuses a full disk, and the store it had is whole and opens once there is room", async () => {
    const disk = tmpfs("full-at-start", "size=1m")!;
    const dir = join(disk, "data");
    const file = await storeWithHistory(dir);
    const before = contents(file);
    const filler = fill(disk);
    expect(startupError(await runCli(["--data-dir", dir]))).toMatch(
      new RegExp(`^durable-lens: Cannot open the store in ${dir}: the disk is full \\(0 bytes free\\) or the store reached its size limit \\(SQLITE_FULL\\)`),
    );
    // A fresh directory on the full disk fails as clearly.
    expect(startupError(await runCli(["--data-dir", join(disk, "fresh")]))).toMatch(/the disk is full \(0 bytes free\)/);
    rmSync(filler);
    expect(contents(file)).toBe(before);
    const store = SqliteStore.open(dir);
    expect(store.listExecutions({ functionName: "hello", newestFirst: true, limit: 10 }).map((r) => r.status)).toEqual(["SUCCEEDED"]);
    store.close();
  });

  it("is an error SqliteStore.open throws too, for embedders of the service", () => {
    expect(() => SqliteStore.open(aFile)).toThrow(DataDirectoryError);
  });
});

describe("`npm start` when the local service cannot start", () => {
  it("fails with the service's own message, not only its exit code", () => {
    // scripts/lib.mjs is plain Node with no types: it runs before anything is installed.
    const script = `
      const { startLocalService } = await import(${JSON.stringify(libMjs)});
      const local = startLocalService({ port: "0", command: [process.execPath, "--import", ${JSON.stringify(loader)}, ${JSON.stringify(cli)}, "--data-dir", ${JSON.stringify(join(aFile, "data"))}] });
      try {
        await local.ready;
        console.log("started");
        local.child.kill("SIGKILL");
      } catch (e) {
        console.log("REJECTED " + e.message);
      }`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" }, timeout: 30_000 });
    expect(r.stdout).toMatch(/^REJECTED the local durable service exited \(code 1\): durable-lens: The data directory .*a-file\/data cannot be used: .*a-file is a file, not a directory/m);
  });
});

/** A step, a callback, a step: the callback holds the execution at rest while the disk fills. */
const approval = withDurableExecution(async (_e: unknown, ctx) => {
  const ticket = await ctx.step("open-ticket", async () => "t-1");
  const answer = await ctx.waitForCallback<string>("approve", async () => {});
  return ctx.step("close-ticket", async () => ({ ticket, answer }));
});

/** A step that returns once the test opens the gate (in every invocation), so the disk can fill mid-invocation. */
let openGate: () => void = () => {};
const gate = new Promise<number>((resolve) => (openGate = () => resolve(2)));
const gated = withDurableExecution(async (_e: unknown, ctx) => {
  const before = await ctx.step("before", async () => 1);
  const during = await ctx.step("during", () => gate);
  return before + during;
});

const manual = new ManualFunction();
const functions = [
  { name: "approval", handler: approval },
  { name: "gated", handler: gated },
  { name: "manual", handler: manual.handler },
];

/** What a refused write answers: a 500 that says why and where. */
function expectStoreFull(refused: { name: string; status: number | undefined; message: string }, dataDir: string, free: string): void {
  expect(refused).toEqual({
    name: "ServiceException",
    status: 500,
    message: `The local durable service cannot write its store in ${dataDir}: the disk is full (${free} bytes free) or the store reached its size limit (SQLITE_FULL). Nothing of this request was stored; retry once that is fixed.`,
  });
}

const answer = (client: LambdaClient, id: string, result: string) =>
  client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: new TextEncoder().encode(result) }));

describe("a store at its size cap while the service runs", () => {
  it("refuses a write that needs room with a 500 naming the problem, changes nothing, and takes what fits", async () => {
    const dataDir = join(work, "capped");
    // 64 pages of 4 KiB: room for the schema and an execution, not for a 200 KB answer.
    const service = await LocalDurableService.start({ store: SqliteStore.open(dataDir, { maxPages: 64 }), functions });
    const client = clientFor(service.endpoint);
    try {
      const arn = (await client.send(new InvokeCommand({ FunctionName: "approval", InvocationType: "Event", Payload: "{}" }))).DurableExecutionArn!;
      const id = await callbackId(client, arn);
      const before = await snapshot(client, arn);
      const big = JSON.stringify("x".repeat(200_000));
      const refused = await refusal(answer(client, id, big));
      expect(refused.message).toMatch(/^The local durable service cannot write its store in .*capped: the disk is full \(\d+ bytes free\) or the store reached its size limit \(SQLITE_FULL\)/);
      expect(refused).toMatchObject({ name: "ServiceException", status: 500 });
      expect(await snapshot(client, arn)).toEqual(before);

      await answer(client, id, "yes");
      expect(await service.engine.waitForCompletion(arn)).toMatchObject({ status: "SUCCEEDED", result: JSON.stringify({ ticket: "t-1", answer: "yes" }) });
    } finally {
      client.destroy();
      await service.stop();
    }
    // What was stored before and after the refusal is whole.
    expect(contents(join(dataDir, "durable-lens.sqlite"))).toMatch(/close-ticket/);
  });
});

describe.runIf(canMount)("a disk that fills up while the service runs (a real full tmpfs)", () => {
  let service: LocalDurableService;
  let client: LambdaClient;
  let disk: string;
  let dataDir: string;
  let filler: string | undefined;

  beforeAll(async () => {
    disk = tmpfs("fills-up", "size=4m")!;
    dataDir = join(disk, "data");
    service = await LocalDurableService.start({ store: SqliteStore.open(dataDir), functions });
    client = clientFor(service.endpoint);
  });
  afterEach(() => {
    if (filler) rmSync(filler, { force: true });
    filler = undefined;
  });
  afterAll(async () => {
    manual.finishAll();
    client?.destroy();
    await service?.stop();
  });


  it("refuses a callback answer and a new execution with a 500 that names the problem, changes nothing, and takes them once there is room", async () => {
    const arn = (await client.send(new InvokeCommand({ FunctionName: "approval", InvocationType: "Event", Payload: "{}" }))).DurableExecutionArn!;
    const id = await callbackId(client, arn);
    const before = await snapshot(client, arn);

    filler = fill(disk);
    expectStoreFull(await refusal(answer(client, id, "yes")), dataDir, "0");
    expectStoreFull(await refusal(client.send(new InvokeCommand({ FunctionName: "approval", InvocationType: "Event", Payload: "{}" }))), dataDir, "0");
    // Everything stored stays readable, unchanged.
    expect(await snapshot(client, arn)).toEqual(before);

    rmSync(filler);
    await answer(client, id, "yes");
    await service.engine.waitForCompletion(arn);
    const after = await snapshot(client, arn);
    expect(after.execution).toMatchObject({ Status: "SUCCEEDED", Result: JSON.stringify({ ticket: "t-1", answer: "yes" }) });
    expect(after.events.slice(0, before.events.length)).toEqual(before.events);
  });

  it("refuses a checkpoint with a 500 that names the problem, keeps its token valid, and applies it once there is room", async () => {
    const started = client.send(new InvokeCommand({ FunctionName: "manual", InvocationType: "Event", Payload: "{}" }));
    const inv = await manual.next();
    const arn = (await started).DurableExecutionArn!;
    const before = await snapshot(client, arn);
    const checkpoint = () =>
      client.send(
        new CheckpointDurableExecutionCommand({
          DurableExecutionArn: arn,
          CheckpointToken: inv.event.CheckpointToken,
          Updates: [
            { Id: "s1", Type: "STEP", Action: "START" },
            { Id: "s1", Type: "STEP", Action: "SUCCEED", Payload: '"done"' },
          ],
        }),
      );

    filler = fill(disk);
    expectStoreFull(await refusal(checkpoint()), dataDir, "0");
    expect(await snapshot(client, arn)).toEqual(before);

    rmSync(filler);
    const applied = await checkpoint();
    expect(applied.NewExecutionState?.Operations?.map((o) => [o.Id, o.Status])).toEqual([["s1", "SUCCEEDED"]]);
    inv.finish({ Status: "SUCCEEDED", Result: '"ok"' });
    expect((await service.engine.waitForCompletion(arn)).status).toBe("SUCCEEDED");
  });

  it("keeps running when the disk fills in the middle of an invocation, and finishes the execution once there is room", async () => {
    const arn = (await client.send(new InvokeCommand({ FunctionName: "gated", InvocationType: "Event", Payload: "{}" }))).DurableExecutionArn!;
    while (!(await snapshot(client, arn)).events.some((e) => e.EventType === "StepStarted" && e.Name === "during")) await new Promise((r) => setTimeout(r, 20));
    const before = await snapshot(client, arn);

    filler = fill(disk);
    openGate();
    // The step's result cannot be stored; the invocation fails and its end cannot be stored either.
    // idle() resolves once that invocation (and any retry that fell due meanwhile) has ended.
    await service.engine.idle();
    expect(await snapshot(client, arn)).toEqual(before);

    rmSync(filler);
    const end = await service.engine.waitForCompletion(arn);
    expect(end).toMatchObject({ status: "SUCCEEDED", result: "3" });
    // The invocation whose end the full disk kept out is on record as failed, before the one that finished.
    const { events } = await snapshot(client, arn);
    expect(events.map((e) => e.EventId)).toEqual(events.map((_, i) => i + 1));
    const invocations = events.filter((e) => e.EventType === "InvocationCompleted").map((e) => e.InvocationCompletedDetails?.Error?.Payload?.ErrorMessage);
    expect(invocations).toEqual(["The service could not store the end of this invocation", undefined]);
  }, 30_000);
});
