"use client";
import type { ReactNode, RefObject } from "react";
import { WORKSPACE_TABS, type WorkspaceTab } from "./workspace-url";

const LABELS: Record<WorkspaceTab, string> = { graph: "Graph", timeline: "Timeline", events: "Events" };

/**
 * The view switcher and the page's search box (`/` focuses it), then `children` (view controls).
 *
 * @example <WorkspaceTabs tab="graph" onTab={setTab} query={q} onQuery={setQ} searchRef={ref} onSubmit={pickFirst} />
 */
export function WorkspaceTabs({
  tab,
  onTab,
  query,
  onQuery,
  onSubmit,
  searchRef,
  counts,
  children,
}: {
  tab: WorkspaceTab;
  onTab: (tab: WorkspaceTab) => void;
  query: string;
  onQuery: (query: string) => void;
  onSubmit: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  counts: Partial<Record<WorkspaceTab, number>>;
  /** Controls of the whole view (e.g. fullscreen), at the end of the bar. */
  children?: ReactNode;
}) {
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
          placeholder={tab === "events" ? 'Filter events (words or "phrases")' : "Find operations by name, id or type"}
          aria-label="Search"
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
      {children}
    </div>
  );
}
