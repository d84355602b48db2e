import { functionPath } from "@/lib/segments";

/**
 * The app path of the page that checks a function's running executions against code.
 *
 * @example checkPath("approval-flow") // "/functions/approval-flow/check"
 */
export function checkPath(functionName: string): string {
  return `${functionPath(functionName)}/check`;
}
