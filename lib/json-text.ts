/**
 * Says what is wrong with a text that should be JSON, in words fit for a form field or an API
 * error ("line 2, column 7: expected ',' or '}' after a property value").
 */
import { findJsonSyntaxError } from "./json-error";

/**
 * Undefined when `text` is valid JSON, otherwise where and why it is not.
 *
 * @example jsonProblem('{"a": }') // "line 1, column 7: …"
 */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    const where = findJsonSyntaxError(text);
    if (!where) return "it is not valid JSON";
    // The scanner was written for history files; a form field is not a file.
    return `line ${where.line}, column ${where.column}: ${where.reason.replace(/the file/g, "the text")}`;
  }
}
