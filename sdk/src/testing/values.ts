import type { ErrorObject } from "../protocol/index.js";
import type { TestResultError } from "./types.js";

/**
 * A payload parsed as JSON when it is JSON, else the string itself: results are JSON for the
 * default serdes, raw text for a callback answered with plain text.
 *
 * @example tryJsonParse('{"a":1}') // { a: 1 }; tryJsonParse("approved") // "approved"
 */
export function tryJsonParse<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return text as T;
  }
}

/**
 * An ErrorObject as tests read it.
 *
 * @example toTestResultError({ ErrorType: "Error", ErrorMessage: "boom" })?.errorMessage // "boom"
 */
export function toTestResultError(error: ErrorObject | undefined): TestResultError | undefined {
  if (!error) return undefined;
  return {
    errorMessage: error.ErrorMessage,
    errorType: error.ErrorType,
    errorData: error.ErrorData,
    stackTrace: error.StackTrace ? [...error.StackTrace] : undefined,
  };
}
