import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPreview, PreviewMode, FieldMatchMode } from "../runtime/preview.js";
import { createFileSystemSerdes, FileSystemPathEncoding, FileSystemSerdesMode } from "./file-system-serdes.js";

const base = mkdtempSync(join(tmpdir(), "fs-serdes-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const ctx = { entityId: "2-1", durableExecutionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/run-1/inv-9" };

describe("file system serdes", () => {
  it("stores the value in a readable path and checkpoints the path with a masked preview", async () => {
    const serdes = createFileSystemSerdes<{ user: { id: number; email: string } }>(base, {
      generatePreview: (v) => buildPreview(v, { mode: PreviewMode.INCLUDE_ALL, mask: [{ name: "email" }] }),
    });
    const value = { user: { id: 7, email: "a@example.com" } };
    const stored = (await serdes.serialize(value, ctx))!;
    const envelope = JSON.parse(stored);
    expect(envelope.file).toBe(join(base, "orders", "run-1", "inv-9", "2-1.json"));
    expect(envelope.preview).toEqual({ user: { id: 7, email: "***" } });
    expect(JSON.parse(readFileSync(envelope.file, "utf8"))).toEqual(value);
    expect(await serdes.deserialize(stored, ctx)).toEqual(value);
  });

  it("keeps small values inline in overflow mode and spills large ones, under hashed names", async () => {
    const serdes = createFileSystemSerdes<string>(base, { storageMode: FileSystemSerdesMode.OVERFLOW, pathEncoding: FileSystemPathEncoding.HASH });
    const small = (await serdes.serialize("tiny", ctx))!;
    expect(JSON.parse(small)).toEqual({ data: '"tiny"' });
    const large = "x".repeat(300 * 1024);
    const spilled = JSON.parse((await serdes.serialize(large, ctx))!);
    expect(spilled.file).toMatch(/[0-9a-f]{64}\.json$/);
    expect(await serdes.deserialize(JSON.stringify(spilled), ctx)).toBe(large);
    await expect(serdes.deserialize("{}", ctx)).rejects.toThrow(/neither a file nor inline data/);
  });

  it("previews only what is included, by segment or by whole path, within the byte budget", () => {
    const value = { id: 1, user: { name: "n", email: "e" }, items: [{ sku: "a" }, { sku: "b" }] };
    expect(buildPreview(value, { mode: PreviewMode.EXCLUDE_ALL, include: [{ name: "user.name", match: FieldMatchMode.PATH }, { name: "sku" }] })).toEqual({
      user: { name: "n" },
      items: { sku: "b" },
    });
    expect(buildPreview(value, { mode: PreviewMode.INCLUDE_ALL, exclude: [{ name: "user" }], maxPreviewBytes: 12 })).toEqual({ id: 1 });
    expect(buildPreview("scalar", { mode: PreviewMode.INCLUDE_ALL })).toBeUndefined();
  });
});
