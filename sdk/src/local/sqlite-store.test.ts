import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Operation } from "../protocol/index.js";
import { SqliteStore, StoreWriteError } from "./sqlite-store.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const op = (Id: string, Status: Operation["Status"] = "STARTED"): Operation => ({ Id, Type: "STEP", Status, StartTimestamp: new Date(1_767_225_600_123) });

describe("SqliteStore operations", () => {
  it("counts each operation once however often it is updated, per execution, across a reopen", () => {
    const dir = mkdtempSync(join(tmpdir(), "durable-lens-store-"));
    dirs.push(dir);
    let store = SqliteStore.open(dir);
    expect(store.countOperations("a")).toBe(0);
    store.transaction(() => {
      store.putOperation("a", op("x"));
      store.putOperation("a", op("y"));
      store.putOperation("a", op("x", "SUCCEEDED"));
      store.putOperation("b", op("x"));
    });
    expect(store.countOperations("a")).toBe(2);
    expect(store.countOperations("b")).toBe(1);
    store.close();

    store = SqliteStore.open(dir);
    store.putOperation("a", op("z"));
    expect(store.countOperations("a")).toBe(3);
    expect(store.listOperations("a").map((o) => [o.Id, o.Status])).toEqual([
      ["x", "SUCCEEDED"],
      ["y", "STARTED"],
      ["z", "STARTED"],
    ]);
    expect(store.getOperation("a", "x")!.StartTimestamp).toEqual(new Date(1_767_225_600_123));
    store.close();
  });

  it("keeps nothing of a transaction that throws", () => {
    const store = SqliteStore.inMemory();
    expect(() =>
      store.transaction(() => {
        store.putOperation("a", op("x"));
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(store.countOperations("a")).toBe(0);
    expect(store.getOperation("a", "x")).toBeUndefined();
    store.close();
  });

  it("deletes an expired execution with everything kept for it, and keeps expiries across a reopen", () => {
    const dir = mkdtempSync(join(tmpdir(), "durable-lens-store-"));
    dirs.push(dir);
    let store = SqliteStore.open(dir);
    const rec = { arn: "a", seq: 1, name: "n", executionId: "e", functionName: "f", functionArn: "arn:f", version: "$LATEST", status: "SUCCEEDED" as const, startMs: 0, executionTimeoutSeconds: 60, wakePending: false, invocationFailures: 0, serviceChangedIds: [], nextEventId: 2 };
    store.transaction(() => {
      store.insertExecution(rec);
      store.insertExecution({ ...rec, arn: "b", seq: 2 });
      store.putOperation("a", op("x"));
      store.appendEvent("a", { EventId: 1, EventType: "ExecutionStarted", EventTimestamp: new Date(0) });
      store.putCheckpointResponse("a", "ct", "{}");
      store.setExpiry("a", 1000);
    });
    store.close();
    store = SqliteStore.open(dir);
    expect(store.listExpiries()).toEqual([{ arn: "a", atMs: 1000 }]);
    store.deleteExecution("a");
    expect(store.getExecution("a")).toBeUndefined();
    expect(store.listOperations("a")).toEqual([]);
    expect(store.listEvents("a", { limit: 10, reverse: false })).toEqual([]);
    expect(store.getCheckpointResponse("a", "ct")).toBeUndefined();
    expect(store.listExpiries()).toEqual([]);
    expect(store.getExecution("b")?.arn).toBe("b");
    store.close();
  });
});

describe("SqliteStore at its size cap", () => {
  it("refuses a write that needs room with an error naming the directory and the cause, keeps nothing of its transaction, and goes on with what fits", () => {
    const dir = mkdtempSync(join(tmpdir(), "durable-lens-store-"));
    dirs.push(dir);
    let store = SqliteStore.open(dir, { maxPages: 20 });
    store.putOperation("a", op("small"));
    const big: Operation = { ...op("big"), StepDetails: { Result: "x".repeat(200_000) } };
    let thrown: unknown;
    try {
      store.transaction(() => {
        store.putOperation("a", op("with-it"));
        store.putOperation("a", big);
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StoreWriteError);
    expect(thrown).toMatchObject({ code: "ServiceException", status: 500, sqliteCode: "SQLITE_FULL", dataDir: dir });
    expect((thrown as Error).message).toMatch(new RegExp(`^The local durable service cannot write its store in ${dir}: the disk is full \\(\\d+ bytes free\\) or the store reached its size limit \\(SQLITE_FULL\\)\\. Nothing of this request was stored`));
    expect(store.listOperations("a").map((o) => o.Id)).toEqual(["small"]);
    store.putOperation("a", op("after"));
    store.close();

    // Without the cap the same store takes the large write: nothing was damaged.
    store = SqliteStore.open(dir);
    store.putOperation("a", big);
    expect(store.listOperations("a").map((o) => o.Id)).toEqual(["small", "after", "big"]);
    store.close();
  });
});
