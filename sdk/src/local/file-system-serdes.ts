import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Limits, utf8Length } from "../protocol/index.js";
import type { Serdes, SerdesContext } from "../runtime/serdes.js";

export enum FileSystemSerdesMode {
  /** Every value goes to a file; the checkpoint holds its path (and a preview). */
  ALWAYS = "ALWAYS",
  /** Values stay inline unless they would not fit in a checkpoint. */
  OVERFLOW = "OVERFLOW",
}

export enum FileSystemPathEncoding {
  /** Readable directories: function / execution name / invocation id, then the step path. */
  URI = "URI",
  /** SHA-256 of the ARN and step path: fixed-length names on any file system. */
  HASH = "HASH",
}

export interface FileSystemSerdesConfig<T = unknown> {
  storageMode?: FileSystemSerdesMode;
  pathEncoding?: FileSystemPathEncoding;
  /** A small summary stored in the checkpoint next to the file path (see `buildPreview`). */
  generatePreview?: (value: T) => Record<string, unknown> | undefined;
}

// Room for the envelope around an inline value.
const OVERFLOW_THRESHOLD_BYTES = Limits.CHECKPOINT_PAYLOAD_BYTES - 1024;
const EXECUTION_ARN = /^arn:[^:]*:lambda:[^:]*:[^:]*:function:([^:/]+):[^:/]+\/durable-execution\/([^/]+)\/([^/]+)$/;

const segment = (value: string, encoding: FileSystemPathEncoding) =>
  encoding === FileSystemPathEncoding.HASH ? createHash("sha256").update(value).digest("hex") : encodeURIComponent(value);

function executionDir(base: string, arn: string, encoding: FileSystemPathEncoding): string {
  const parts = encoding === FileSystemPathEncoding.URI ? EXECUTION_ARN.exec(arn) : null;
  return parts ? join(base, parts[1]!, parts[2]!, parts[3]!) : join(base, segment(arn, encoding));
}

/**
 * Keeps values on a file system (for instance a mounted EFS volume) and checkpoints only their
 * path, so results larger than a checkpoint allows survive replays. Node only.
 *
 * @example ctx.step("render", render, { serdes: createFileSystemSerdes("/mnt/efs/results", { storageMode: FileSystemSerdesMode.OVERFLOW }) })
 */
export function createFileSystemSerdes<T = unknown>(basePath: string, config: FileSystemSerdesConfig<T> = {}): Serdes<T> {
  const mode = config.storageMode ?? FileSystemSerdesMode.ALWAYS;
  const encoding = config.pathEncoding ?? FileSystemPathEncoding.URI;
  const toFile = async (value: T, context: SerdesContext) => {
    const dir = executionDir(basePath, context.durableExecutionArn, encoding);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${segment(context.entityId, encoding)}.json`);
    await writeFile(file, JSON.stringify(value), "utf-8");
    const preview = config.generatePreview?.(value);
    return JSON.stringify(preview ? { file, preview } : { file });
  };
  return {
    serialize: async (value, context) => {
      if (value === undefined) return undefined;
      if (mode === FileSystemSerdesMode.ALWAYS) return toFile(value, context);
      const inline = JSON.stringify({ data: JSON.stringify(value) });
      return utf8Length(inline) > OVERFLOW_THRESHOLD_BYTES ? toFile(value, context) : inline;
    },
    deserialize: async (data) => {
      if (data === undefined) return undefined;
      const envelope = JSON.parse(data) as { file?: string; data?: string };
      if (envelope.file !== undefined) return JSON.parse(await readFile(envelope.file, "utf-8")) as T;
      if (envelope.data === undefined) throw new Error("File system serdes: the payload has neither a file nor inline data");
      return JSON.parse(envelope.data) as T;
    },
  };
}
