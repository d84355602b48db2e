/**
 * Which durable service the app talks to, read from environment variables. Kept free of
 * server-only imports so it can be unit tested; `./config.ts` is the server entry point.
 */

/** `local`: the embedded Lambda-compatible service; `aws`: AWS Lambda with the standard credential chain. */
export type TargetKind = "local" | "aws";

export interface TargetConfig {
  target: TargetKind;
  region: string;
  /** Only for the local target: the service's base URL. */
  endpoint?: string;
  /** The AWS profile to read credentials from, when AWS_PROFILE is set. */
  profile?: string;
}

/** Environment variables as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_LOCAL_ENDPOINT = "http://127.0.0.1:9014";
export const DEFAULT_REGION = "us-east-1";

/** A configuration mistake, reported to the user as it is. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/**
 * Reads the target from `DURABLE_LENS_TARGET`, `DURABLE_LENS_LOCAL_ENDPOINT`, `AWS_REGION` (or
 * `AWS_DEFAULT_REGION`) and `AWS_PROFILE`.
 *
 * @example resolveTargetConfig({ DURABLE_LENS_TARGET: "aws", AWS_REGION: "eu-west-1" }) // { target: "aws", region: "eu-west-1" }
 */
export function resolveTargetConfig(env: Env): TargetConfig {
  const target = (nonEmpty(env.DURABLE_LENS_TARGET) ?? "local").toLowerCase();
  if (target !== "local" && target !== "aws") {
    throw new ConfigError(`DURABLE_LENS_TARGET must be "local" or "aws", got ${JSON.stringify(env.DURABLE_LENS_TARGET)}`);
  }
  const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(region)) {
    throw new ConfigError(`AWS_REGION ${JSON.stringify(region)} is not a region name like "us-east-1"`);
  }
  if (target === "aws") {
    const profile = nonEmpty(env.AWS_PROFILE);
    return profile ? { target, region, profile } : { target, region };
  }
  const raw = nonEmpty(env.DURABLE_LENS_LOCAL_ENDPOINT) ?? DEFAULT_LOCAL_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DURABLE_LENS_LOCAL_ENDPOINT ${JSON.stringify(raw)} is not a URL like "${DEFAULT_LOCAL_ENDPOINT}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`DURABLE_LENS_LOCAL_ENDPOINT must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return { target, region, endpoint: raw.replace(/\/+$/, "") };
}
