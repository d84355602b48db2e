/**
 * The execution page's state as kept in its URL: `?tab=` the view, `?op=` the selected operation,
 * `?event=` the selected event (by EventId), `?q=` the operation search of the Graph and Timeline
 * tabs, `?eq=` the event search of the Events tab (a search means one thing per tab), `?at=` the past point shown
 * while time travelling (an EventId; absent for the latest view). Reload restores it all.
 */

export const WORKSPACE_TABS = ["graph", "timeline", "events"] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export interface WorkspaceState {
  tab: WorkspaceTab;
  opId?: string;
  eventId?: number;
  /** The operation search (Graph and Timeline). */
  query: string;
  /** The event search (Events); absent when empty. */
  eventQuery?: string;
  /** The EventId the views show the execution as of; undefined shows it as it stands. */
  at?: number;
}

/** A positive integer parameter (an EventId), or undefined. */
function eventIdParam(params: Pick<URLSearchParams, "get">, name: string): number | undefined {
  const value = Number(params.get(name) ?? "");
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * Reads the state from search params; unknown tabs and bad event ids fall back to defaults.
 *
 * @example readWorkspaceState(new URLSearchParams("tab=events&event=12&at=30")) // { tab: "events", eventId: 12, query: "", at: 30 }
 */
export function readWorkspaceState(params: Pick<URLSearchParams, "get">): WorkspaceState {
  const tab = params.get("tab");
  const state: WorkspaceState = {
    tab: (WORKSPACE_TABS as readonly string[]).includes(tab ?? "") ? (tab as WorkspaceTab) : "graph",
    query: params.get("q") ?? "",
  };
  const eq = params.get("eq");
  if (eq) state.eventQuery = eq;
  const op = params.get("op");
  if (op) state.opId = op;
  const event = eventIdParam(params, "event");
  if (event !== undefined) state.eventId = event;
  const at = eventIdParam(params, "at");
  if (at !== undefined) state.at = at;
  return state;
}

/** Changes to apply; `undefined` removes a parameter. */
export type WorkspaceChange = Partial<{ tab: WorkspaceTab; op: string | undefined; event: number | undefined; q: string | undefined; eq: string | undefined; at: number | undefined }>;

/**
 * The search string after a change, keeping parameters this page does not own and leaving
 * defaults out (no `tab=graph`, no empty `q`).
 *
 * @example withWorkspaceChange("?tab=graph&x=1", { op: "abc" }) // "?x=1&op=abc"
 */
export function withWorkspaceChange(search: string, change: WorkspaceChange): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(change) as Array<[keyof WorkspaceChange, string | number | undefined]>) {
    if (value === undefined || value === "" || (key === "tab" && value === "graph")) params.delete(key);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
