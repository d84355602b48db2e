import { utf8Length } from "../protocol/index.js";

/** How a preview field names what it matches. */
export enum FieldMatchMode {
  /** Any path segment equal to the name (`email` matches `user.email`). */
  ANYWHERE = "ANYWHERE",
  /** The whole dotted path (`user.email`). */
  PATH = "PATH",
}

export enum PreviewMode {
  /** Every leaf is shown unless excluded. */
  INCLUDE_ALL = "INCLUDE_ALL",
  /** Only included (or masked) leaves are shown. */
  EXCLUDE_ALL = "EXCLUDE_ALL",
}

export interface PreviewField {
  name: string;
  match?: FieldMatchMode;
}

export interface PreviewConfig {
  mode: PreviewMode;
  include?: PreviewField[];
  exclude?: PreviewField[];
  /** Shown with their value replaced by `maskString`. */
  mask?: PreviewField[];
  maskString?: string;
  /** Leaves are added in order until the preview would exceed this (default 4096). */
  maxPreviewBytes?: number;
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const matches = (path: string, fields: PreviewField[] | undefined) =>
  fields?.some((f) => ((f.match ?? FieldMatchMode.ANYWHERE) === FieldMatchMode.PATH ? path === f.name : path.split(".").includes(f.name))) ?? false;

/**
 * A small, masked summary of a large value, to store next to a payload kept elsewhere (see
 * `createFileSystemSerdes`) so a history stays readable. Arrays are flattened into their items' paths.
 *
 * @example buildPreview({ user: { id: 7, email: "a@b" } }, { mode: PreviewMode.INCLUDE_ALL, mask: [{ name: "email" }] }) // { user: { id: 7, email: "***" } }
 */
export function buildPreview(value: unknown, config: PreviewConfig): Record<string, unknown> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const leaves: [string, unknown][] = [];
  const collect = (node: unknown, prefix: string): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((item) => collect(item, prefix));
    for (const key of Object.keys(node)) {
      // Dotted keys would be ambiguous in a path; unsafe keys could pollute the rebuilt object.
      if (UNSAFE_KEYS.has(key) || key.includes(".")) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const child = (node as Record<string, unknown>)[key];
      const masked = matches(path, config.mask);
      const excluded = matches(path, config.exclude);
      const visible = !excluded && (masked || config.mode === PreviewMode.INCLUDE_ALL || matches(path, config.include));
      if (!visible) {
        if (!excluded) collect(child, path);
      } else if (masked) {
        leaves.push([path, config.maskString ?? "***"]);
      } else if (child !== null && typeof child === "object") {
        collect(child, path);
      } else {
        leaves.push([path, child]);
      }
    }
  };
  collect(value, "");
  const limit = config.maxPreviewBytes ?? 4096;
  let size = 2;
  const preview: Record<string, unknown> = {};
  let any = false;
  for (const [path, leaf] of leaves) {
    const entry = utf8Length(`"${path}":${JSON.stringify(leaf)},`);
    if (size + entry > limit) break;
    size += entry;
    const keys = path.split(".");
    const last = keys.pop()!;
    let node = preview;
    for (const key of keys) {
      if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[last] = leaf;
    any = true;
  }
  return any ? preview : undefined;
}
