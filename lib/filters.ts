/**
 * The execution list's filter as it lives in the page URL, e.g.
 * `?status=FAILED&status=RUNNING&name=order&range=24h&order=oldest&qualifier=prod&marker=...&prev=`.
 * The URL is the only place the filter is kept, so reload, back/forward and shared links all show
 * the same list.
 */
import { DURABLE_EXECUTION_NAME, ExecutionStatus } from "@durable-lens/sdk/protocol";

export const EXECUTION_STATUSES = Object.values(ExecutionStatus);

/** Sort order of an execution list, by start time. */
export type ExecutionOrder = "newest" | "oldest";

/** Relative time ranges, always measured back from the moment of the request. */
export const RANGE_PRESETS = [
  { id: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { id: "1h", label: "Last hour", ms: 60 * 60_000 },
  { id: "24h", label: "Last 24 hours", ms: 24 * 60 * 60_000 },
  { id: "7d", label: "Last 7 days", ms: 7 * 24 * 60 * 60_000 },
  { id: "30d", label: "Last 30 days", ms: 30 * 24 * 60 * 60_000 },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]["id"];

export interface ExecutionFilter {
  statuses: ExecutionStatus[];
  /** Part of an execution name, as typed in the search box. */
  name?: string;
  /** A relative range; when set, `from` and `to` are not. */
  range?: RangePreset;
  /** A custom range: ISO timestamps of the earliest and latest start. */
  from?: string;
  to?: string;
  order: ExecutionOrder;
  /** A version or alias of the function. */
  qualifier?: string;
  /** The service's marker of the page shown; absent on the first page. */
  marker?: string;
  /** Markers of the pages before this one, oldest first ("" is the first page), so Previous works. */
  prev: string[];
}

/** The read-only part of URLSearchParams that Next's `useSearchParams` returns. */
export interface SearchParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

const PRESET_IDS = new Set<string>(RANGE_PRESETS.map((p) => p.id));

function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Reads the filter from search params, ignoring values it does not know (an old or hand-edited
 * link still opens a list instead of an error).
 *
 * @example filterFromSearchParams(new URLSearchParams("status=FAILED&range=24h")).range // "24h"
 */
export function filterFromSearchParams(params: SearchParamsLike): ExecutionFilter {
  const wanted = new Set(params.getAll("status").flatMap((s) => s.split(",")));
  const filter: ExecutionFilter = {
    statuses: EXECUTION_STATUSES.filter((s) => wanted.has(s)),
    order: params.get("order") === "oldest" ? "oldest" : "newest",
    prev: [],
  };
  const name = params.get("name")?.trim();
  if (name) filter.name = name;
  const range = params.get("range");
  const from = params.get("from");
  const to = params.get("to");
  if (range && PRESET_IDS.has(range)) filter.range = range as RangePreset;
  else {
    if (from && isTimestamp(from)) filter.from = from;
    if (to && isTimestamp(to)) filter.to = to;
  }
  const qualifier = params.get("qualifier")?.trim();
  if (qualifier) filter.qualifier = qualifier;
  const marker = params.get("marker");
  if (marker) {
    filter.marker = marker;
    filter.prev = params.getAll("prev");
  }
  return filter;
}

/**
 * Writes the filter back as a query string (without "?"); defaults are left out.
 *
 * @example filterToSearch({ statuses: ["FAILED"], order: "newest", prev: [] }) // "status=FAILED"
 */
export function filterToSearch(filter: ExecutionFilter): string {
  const params = new URLSearchParams();
  for (const s of filter.statuses) params.append("status", s);
  if (filter.name) params.set("name", filter.name);
  if (filter.range) params.set("range", filter.range);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.order !== "newest") params.set("order", filter.order);
  if (filter.qualifier) params.set("qualifier", filter.qualifier);
  if (filter.marker) {
    params.set("marker", filter.marker);
    for (const m of filter.prev) params.append("prev", m);
  }
  return params.toString();
}

/**
 * The filter with some criteria changed, back on the first page: a marker belongs to the list it
 * came from and means nothing for another one.
 *
 * @example changeFilter(filter, { statuses: ["RUNNING"] }).marker // undefined
 */
export function changeFilter(filter: ExecutionFilter, change: Partial<Omit<ExecutionFilter, "marker" | "prev">>): ExecutionFilter {
  const next: ExecutionFilter = { ...filter, ...change, prev: [] };
  delete next.marker;
  // Only the keys present in `change` are touched, so an explicit `undefined` clears a criterion.
  for (const key of Object.keys(next) as (keyof ExecutionFilter)[]) {
    if (next[key] === undefined || next[key] === "") delete next[key];
  }
  return next;
}

/**
 * The filter for the page after this one.
 *
 * @example nextPage({ statuses: [], order: "newest", prev: [] }, "m1") // { ..., marker: "m1", prev: [""] }
 */
export function nextPage(filter: ExecutionFilter, marker: string): ExecutionFilter {
  return { ...filter, marker, prev: [...filter.prev, filter.marker ?? ""] };
}

/**
 * The filter for the page before this one (the first page has no marker).
 *
 * @example previousPage({ statuses: [], order: "newest", marker: "m1", prev: [""] }).marker // undefined
 */
export function previousPage(filter: ExecutionFilter): ExecutionFilter {
  const prev = filter.prev.slice(0, -1);
  const marker = filter.prev[filter.prev.length - 1];
  const next: ExecutionFilter = { ...filter, prev: marker ? prev : [] };
  if (marker) next.marker = marker;
  else delete next.marker;
  return next;
}

/** The 1-based number of the page shown. */
export function pageNumber(filter: ExecutionFilter): number {
  return filter.marker ? filter.prev.length + 1 : 1;
}

/** True when any criterion narrows the list (paging and order do not). */
export function isFiltered(filter: ExecutionFilter): boolean {
  return filter.statuses.length > 0 || Boolean(filter.name || filter.range || filter.from || filter.to);
}

/**
 * What is wrong with the typed name search, if anything; the list is not asked for until it is fixed.
 *
 * @example nameProblem("order 1") // "Execution names contain only letters, digits, - and _."
 */
export function nameProblem(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name.length > 64) return "Execution names are at most 64 characters long.";
  return DURABLE_EXECUTION_NAME.test(name) ? undefined : "Execution names contain only letters, digits, - and _.";
}

/**
 * What is wrong with a custom time range, if anything.
 *
 * @example rangeProblem({ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }) // "The range starts after it ends."
 */
export function rangeProblem(filter: Pick<ExecutionFilter, "from" | "to">): string | undefined {
  if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) return "The range starts after it ends.";
  return undefined;
}

/**
 * The start-time window a filter asks for at `now`: presets count back from it.
 *
 * @example startedWindow({ range: "1h", statuses: [], order: "newest", prev: [] }, Date.parse("2026-01-01T01:00:00Z")).startedAfter // "2026-01-01T00:00:00.000Z"
 */
export function startedWindow(filter: ExecutionFilter, now: number): { startedAfter?: string; startedBefore?: string } {
  if (filter.range) {
    const preset = RANGE_PRESETS.find((p) => p.id === filter.range)!;
    return { startedAfter: new Date(now - preset.ms).toISOString() };
  }
  const window: { startedAfter?: string; startedBefore?: string } = {};
  if (filter.from) window.startedAfter = new Date(filter.from).toISOString();
  if (filter.to) window.startedBefore = new Date(filter.to).toISOString();
  return window;
}

/**
 * An ISO timestamp as a `datetime-local` input shows it (local time, minutes), and back.
 *
 * @example toLocalInput("2026-01-01T10:30:00.000Z") // "2026-01-01T10:30" in UTC
 */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A `datetime-local` value (local time) as an ISO timestamp; empty or invalid input gives undefined.
 *
 * @example fromLocalInput("2026-01-01T10:30") // "2026-01-01T10:30:00.000Z" in UTC
 */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * Whether a function's name contains the typed filter text, ignoring case. Names only: a
 * description that happens to contain the text ("pay" in "...payment...") is not a match.
 *
 * @example functionNameMatches("order-processor", "ORDER") // true
 */
export function functionNameMatches(name: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === "" || name.toLowerCase().includes(q);
}
