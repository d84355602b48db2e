import type { ErrorObject } from "../protocol/index.js";

/**
 * What Lambda records for an error thrown by a function: its type, message and stack lines.
 *
 * @example errorObject(new TypeError("x")) // { ErrorType: "TypeError", ErrorMessage: "x", StackTrace: [...] }
 */
export function errorObject(error: unknown): ErrorObject {
  if (!(error instanceof Error)) return { ErrorMessage: String(error) };
  const out: ErrorObject = { ErrorType: error.name, ErrorMessage: error.message };
  if (error.stack) out.StackTrace = error.stack.split("\n");
  return out;
}
