import type { ExecutionLookupResponse } from "@/lib/execution-lookup-types";

/**
 * What the header search says under its results: where it looked, and that it stopped early.
 *
 * @example lookupSummary({ by: "name", executions: [], functionsSearched: 25, functionsTotal: 80, partial: true }, "order")
 * // "No execution named like “order” in the 25 functions searched. Searched 25 of 80 functions; the rest were not searched."
 */
export function lookupSummary(result: ExecutionLookupResponse, query: string): string {
  const q = query.trim();
  if (result.by === "arn") return result.executions.length === 0 ? "No execution has this ARN (it may have been deleted after its retention period)." : "";
  const n = result.executions.length;
  const where = `${result.functionsSearched === 1 ? "the 1 function" : `the ${result.functionsSearched} functions`} searched`;
  const head = n === 0 ? `No execution named like “${q}” in ${where}.` : `${n} execution${n === 1 ? "" : "s"} named like “${q}” in ${where}.`;
  if (result.functionsSearched < result.functionsTotal) {
    return `${head} Searched ${result.functionsSearched} of ${result.functionsTotal} functions; the rest were not searched.`;
  }
  return result.partial ? `${head} Some functions have more matches than were read; type more of the name.` : head;
}
