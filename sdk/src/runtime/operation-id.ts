import { md5Hex } from "./md5.js";

/**
 * The wire `Id` of an operation from its step path (`"2"`, `"2-1"`, `"2-1-3"`), as the official
 * JS SDK derives it: MD5 of the path, first 16 hex characters. Kept in one function so histories
 * recorded by another SDK's scheme can be matched by swapping it.
 *
 * @example hashOperationId("1") // "c4ca4238a0b92382"
 */
export function hashOperationId(stepPath: string): string {
  return md5Hex(stepPath).slice(0, 16);
}
