/**
 * Byte counts for people, in binary units as Lambda states its limits (256 KB = 262,144 bytes).
 */

/**
 * "0 B", "812 B", "1.5 KB", "256 KB", "12.3 MB".
 *
 * @example formatBytes(262_144) // "256 KB"
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, "");
  return `${text} ${units[unit]}`;
}
