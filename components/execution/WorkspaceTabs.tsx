"use client";
import type { ReactNode, RefObject } from "react";
import { OPERATION_SEARCH_FIELDS } from "./selection";
import { searchScope, type SearchScope } from "./use-workspace-search";
import { WORKSPACE_TABS, type WorkspaceTab } from "./workspace-url";

const LABELS: Record<WorkspaceTab, string> = { graph: "Graph", timeline: "Timeline", events: "Events" };

/** What each scope's box says it searches: the Graph and Timeline search operations, the Events tab events. */
const SEARCH_TEXT: Record<SearchScope, { label: string; placeholder: string; noun: string }> = {
  operations: { label: "Filter operations", placeholder: `Filter operations by ${OPERATION_SEARCH_FIELDS}`, noun: "operations" },
  events: { label: "Filter events", placeholder: 'Filter events by type, name, details ("phrases")', noun: "events" },
};

/** The search's outcome next to the box: how many match, or that nothing does. */
function SearchResult({ scope, query, found }: { scope: SearchScope; query: string; found: number }) {
  const { noun } = SEARCH_TEXT[scope];
  if (found === 0) {
    return (
      <p role="status" data-testid="search-empty" className="w-full rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
        No {noun} match “{query.trim()}”.{scope === "operations" ? " This box searches operations; event details are searched on the Events tab." : ""}
      </p>
    );
  }
  return (
    <p role="status" data-testid="search-found" className="text-xs text-zinc-500">
      {found.toLocaleString("en-US")} {found === 1 ? noun.slice(0, -1) : noun} match
    </p>
  );
}

/**
 * The view switcher and the page's search box (`/` focuses it). The box searches what the tab
 * shows (operations on Graph and Timeline, events on Events), says so, and says when nothing matches; then `children` (view controls).
 *
 * @example <WorkspaceTabs tab="graph" onTab={setTab} query={q} onQuery={setQ} searchRef={ref} onSubmit={pickFirst} found={3} />
 */
export function WorkspaceTabs({
  tab,
  onTab,
  query,
  onQuery,
  onSubmit,
  searchRef,
  counts,
  found,
  children,
}: {
  tab: WorkspaceTab;
  onTab: (tab: WorkspaceTab) => void;
  query: string;
  onQuery: (query: string) => void;
  onSubmit: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  counts: Partial<Record<WorkspaceTab, number>>;
  /** How many items the tab's search matches; undefined while the box is empty. */
  found?: number;
  /** Controls of the whole view (e.g. fullscreen), at the end of the bar. */
  children?: ReactNode;
}) {
  const scope = searchScope(tab);
  const text = SEARCH_TEXT[scope];
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-3 py-1.5">
      <div role="tablist" aria-label="Views" className="flex gap-1">
        {WORKSPACE_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            data-testid={`tab-${t}`}
            onClick={() => onTab(t)}
            className={`rounded-md px-3 py-1 text-sm ${tab === t ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}
          >
            {LABELS[t]}
            {counts[t] !== undefined ? <span className={`ml-1.5 text-xs ${tab === t ? "text-zinc-300" : "text-zinc-400"}`}>{counts[t]!.toLocaleString("en-US")}</span> : null}
          </button>
        ))}
      </div>
      <form
        role="search"
        className="ml-auto flex min-w-[16rem] flex-1 items-center sm:max-w-sm"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            if (query) onQuery("");
            else e.currentTarget.blur();
          }}
          placeholder={text.placeholder}
          title={text.placeholder}
          aria-label={text.label}
          data-scope={scope}
          data-testid="workspace-search"
          className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm placeholder:text-zinc-400 focus:border-sky-500 focus:outline-none"
        />
        <kbd className="-ml-7 rounded border border-zinc-300 px-1 text-[10px] text-zinc-400" aria-hidden>
          /
        </kbd>
      </form>
      <p className="hidden text-[11px] text-zinc-400 xl:block" aria-hidden>
        j/k step · Esc clears
      </p>
      {found !== undefined && query.trim() !== "" ? <SearchResult scope={scope} query={query} found={found} /> : null}
      {children}
    </div>
  );
}
