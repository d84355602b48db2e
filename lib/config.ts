import "server-only";
import { resolveTargetConfig, type TargetConfig } from "./target-config";

export type { TargetConfig, TargetKind } from "./target-config";

let cached: TargetConfig | undefined;

/**
 * The server's target configuration, read from the environment once per process.
 *
 * @example getConfig().target // "local"
 */
export function getConfig(): TargetConfig {
  cached ??= resolveTargetConfig(process.env);
  return cached;
}
