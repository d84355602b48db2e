/**
 * Read-only mode: one environment variable switches every mutation off, in the API and in the UI.
 * Kept free of server-only imports so it can be unit tested.
 */
import type { Env } from "./target-config";

/** The variable that turns read-only mode on. */
export const READ_ONLY_ENV = "DURABLE_LENS_READ_ONLY";

const OFF = new Set(["", "0", "false", "no", "off"]);

/**
 * True unless DURABLE_LENS_READ_ONLY is unset or says "off" (0, false, no, off). A value we do
 * not recognise means read-only: a typo must never quietly allow mutations the operator meant
 * to forbid.
 *
 * @example isReadOnly({ DURABLE_LENS_READ_ONLY: "1" }) // true
 */
export function isReadOnly(env: Env): boolean {
  const raw = env[READ_ONLY_ENV];
  if (raw === undefined) return false;
  return !OFF.has(raw.trim().toLowerCase());
}
