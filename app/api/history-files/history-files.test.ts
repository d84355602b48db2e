// GET /api/history-files and /api/history-files/[name]: the folder the test runners write to,
// listed and read on the server, and nothing outside it.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalDurableTestRunner } from "@durable-lens/sdk/testing";
import { withDurableExecution } from "@durable-lens/sdk";
import { readHistoryText } from "@/lib/history-file";
import type { HistoryDirResponse } from "@/lib/history-dir-types";
import { GET as list } from "./route";
import { GET as read } from "./[name]/route";

vi.mock("server-only", () => ({}));

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "durable-lens-history-dir-"));
  dir = join(root, "runs");
  mkdirSync(dir);
  writeFileSync(join(root, "secret.json"), '{"Events":[]}');
  writeFileSync(join(dir, "older_SUCCEEDED.json"), '{"Events":[]}');
  utimesSync(join(dir, "older_SUCCEEDED.json"), new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
  writeFileSync(join(dir, ".hidden.json"), "{}");
  writeFileSync(join(dir, "notes.txt"), "not a history");
  mkdirSync(join(dir, "folder.json"));
  symlinkSync(join(root, "secret.json"), join(dir, "link.json"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

afterEach(() => {
  delete process.env.DURABLE_LENS_HISTORY_DIR;
});

const readFile = (name: string) => read(new Request(`http://localhost:3000/api/history-files/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });

describe("GET /api/history-files", () => {
  it("says the folder is not configured, and lists nothing, without DURABLE_LENS_HISTORY_DIR", async () => {
    expect(await (await list()).json()).toEqual({ configured: false, files: [], more: 0 });
    const response = await readFile("older_SUCCEEDED.json");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "HistoryDirNotConfigured" });
  });

  it("lists the history files a test run wrote, newest first, and only plain .json files", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = dir;
    const failing = withDurableExecution(async () => {
      throw new Error("declined");
    });
    await new LocalDurableTestRunner({ handlerFunction: failing, functionName: "payments", historyDir: dir }).run();

    const body = (await (await list()).json()) as HistoryDirResponse;
    expect(body.configured).toBe(true);
    // The folder's name, not where it lives on this machine.
    expect(body.directory).toBe("runs");
    expect(JSON.stringify(body)).not.toContain(root);
    expect(body.files.map((f) => f.name)).toEqual([expect.stringMatching(/^\d{8}-\d{6}-\d{3}_payments_FAILED_.*\.json$/), "older_SUCCEEDED.json"]);
    expect(body.files[1]).toEqual({ name: "older_SUCCEEDED.json", size: 13, modified: "2026-01-01T00:00:00.000Z" });
  });

  it("lists a folder that does not exist yet as empty", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = join(root, "not-yet");
    expect(await (await list()).json()).toEqual({ configured: true, directory: "not-yet", files: [], more: 0 });
  });
});

describe("GET /api/history-files/[name]", () => {
  it("serves a run's file as it is on disk, which the open page reads as a history", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = dir;
    const body = (await (await list()).json()) as HistoryDirResponse;
    const response = await readFile(body.files[0]!.name);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const text = await response.text();
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    const history = readHistoryText(text);
    expect(history.ok && history.events.map((e) => e.EventType)).toEqual(["ExecutionStarted", "InvocationCompleted", "ExecutionFailed"]);
  });

  it("refuses names that could leave the folder or that are not history files", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = dir;
    for (const name of ["../secret.json", "..%2Fsecret.json", "/etc/passwd", "runs/../../secret.json", ".hidden.json", "notes.txt", "a\\b.json", ""]) {
      const response = await readFile(name);
      expect({ name, status: response.status, code: ((await response.json()) as { code: string }).code }).toEqual({ name, status: 400, code: "InvalidFileName" });
    }
  });

  it("does not follow links or open folders, and names a missing file", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = dir;
    for (const name of ["link.json", "folder.json", "missing.json"]) {
      const response = await readFile(name);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { code: string; message: string };
      expect(body).toMatchObject({ code: "HistoryFileNotFound", message: `There is no history file ${name} in the history folder.` });
      expect(body.message).not.toContain(root);
    }
  });

  it("answers 400, naming the limit and no path, for a name longer than the file system allows", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = dir;
    for (const length of [251, 300, 4096]) {
      const name = `${"a".repeat(length)}.json`;
      const response = await readFile(name);
      const body = (await response.json()) as { code: string; message: string };
      expect({ length, status: response.status, code: body.code }).toEqual({ length, status: 400, code: "InvalidFileName" });
      expect(body.message).toMatch(/too long.*255/);
      expect(body.message).not.toContain(root);
    }
    // The longest name the pattern allows is one the file system can hold: a plain 404.
    expect((await readFile(`${"a".repeat(250)}.json`)).status).toBe(404);
  });

  it("never serves the outside file while a link and a file swap places under the name", async () => {
    process.env.DURABLE_LENS_HISTORY_DIR = dir;
    const inside = '{"Events":["inside"]}';
    writeFileSync(join(root, "inside.json"), inside);
    let swapping = true;
    let swaps = 0;
    // rename() replaces the name atomically, so every open sees either the plain file or the link.
    const swapper = (async () => {
      while (swapping && swaps < 20_000) {
        linkSync(join(root, "inside.json"), join(dir, "swap-file.tmp"));
        renameSync(join(dir, "swap-file.tmp"), join(dir, "swap.json"));
        symlinkSync(join(root, "secret.json"), join(dir, "swap-link.tmp"));
        renameSync(join(dir, "swap-link.tmp"), join(dir, "swap.json"));
        swaps++;
        if (swaps % 20 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    const served = new Map<string, number>();
    try {
      // At least 300 reads, and on until both outcomes were seen (bounded).
      for (let i = 0; i < 1500 && (i < 300 || served.size < 2); i++) {
        const response = await readFile("swap.json");
        const key = `${response.status} ${response.status === 200 ? await response.text() : ((await response.json()) as { code: string }).code}`;
        served.set(key, (served.get(key) ?? 0) + 1);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      swapping = false;
      await swapper;
    }
    expect([...served.keys()].sort()).toEqual(expect.arrayContaining([`200 ${inside}`, "404 HistoryFileNotFound"]));
    expect([...served.keys()].every((k) => k === `200 ${inside}` || k === "404 HistoryFileNotFound")).toBe(true);
  });
});
