/**
 * What the forms say about a JSON text field before anything is sent: not JSON, or too large.
 */
import { jsonProblem } from "@/lib/json-text";
import { sizeProblem } from "@/lib/payload-limits";

/**
 * Undefined when the text may be sent (an empty field is "not given"), else why not.
 *
 * @example jsonInputProblem("result", "{oops}", 262144) // "Not valid JSON: line 1, column 2: …"
 */
export function jsonInputProblem(field: string, text: string, limit: number): string | undefined {
  if (text.trim() === "") return undefined;
  const problem = jsonProblem(text);
  if (problem) return `Not valid JSON: ${problem}`;
  return sizeProblem(field, text, limit);
}
