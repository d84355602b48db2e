/**
 * The execution list's filter as it lives in the page URL (`?status=FAILED&status=RUNNING&order=oldest&marker=...`).
 */
import { ExecutionStatus } from "@durable-lens/sdk/protocol";
import type { ExecutionFilter } from "./queries";

export const EXECUTION_STATUSES = Object.values(ExecutionStatus);

/** The read-only part of URLSearchParams that Next's `useSearchParams` returns. */
export interface SearchParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

/**
 * Reads the filter from search params, ignoring values it does not know.
 *
 * @example filterFromSearchParams(new URLSearchParams("status=FAILED")).statuses // ["FAILED"]
 */
export function filterFromSearchParams(params: SearchParamsLike): ExecutionFilter {
  const wanted = new Set(params.getAll("status").flatMap((s) => s.split(",")));
  const statuses = EXECUTION_STATUSES.filter((s) => wanted.has(s));
  const order = params.get("order") === "oldest" ? "oldest" : "newest";
  const marker = params.get("marker") || undefined;
  return marker ? { statuses, order, marker } : { statuses, order };
}

/**
 * Writes the filter back as a query string (without "?"); defaults are left out.
 *
 * @example filterToSearch({ statuses: ["FAILED"], order: "newest" }) // "status=FAILED"
 */
export function filterToSearch(filter: ExecutionFilter): string {
  const params = new URLSearchParams();
  for (const s of filter.statuses) params.append("status", s);
  if (filter.order !== "newest") params.set("order", filter.order);
  if (filter.marker) params.set("marker", filter.marker);
  return params.toString();
}
