"use client";
import { useDeferredValue, useEffect, useState } from "react";
import type { WorkspaceChange, WorkspaceState, WorkspaceTab } from "./workspace-url";

/** What a tab's search box filters: the operations (Graph, Timeline share one search) or the events. */
export type SearchScope = "operations" | "events";

/**
 * The scope of a tab's search box.
 *
 * @example searchScope("timeline") // "operations"
 */
export function searchScope(tab: WorkspaceTab): SearchScope {
  return tab === "events" ? "events" : "operations";
}

export interface WorkspaceSearch {
  /** The text in the box of the tab shown. */
  text: string;
  /** Changes the search of the tab shown, leaving the other scope's search as it is. */
  setText: (text: string) => void;
  /** The operation search the Graph and Timeline filter with (deferred, so typing stays smooth). */
  operations: string;
  /** The event search the Events tab filters with (deferred). */
  events: string;
}

function fromLocation(): { operations: string; events: string } {
  const params = new URLSearchParams(window.location.search);
  return { operations: params.get("q") ?? "", events: params.get("eq") ?? "" };
}

/**
 * One search per scope, kept in the URL (`?q=` operations, `?eq=` events): a text typed on the
 * Events tab filters events only and never dims the graph, which matches operations by other
 * fields. The box answers every keystroke; the views get deferred values.
 *
 * @example const search = useWorkspaceSearch(url, change); <input value={search.text} onChange={(e) => search.setText(e.target.value)} />
 */
export function useWorkspaceSearch(url: WorkspaceState, change: (c: WorkspaceChange, mode: "push" | "replace") => void): WorkspaceSearch {
  const [texts, setTexts] = useState({ operations: url.query, events: url.eventQuery ?? "" });
  // Only back/forward brings a different search from the URL; reading it on every URL change
  // would race with typing (the URL trails the box by a render).
  useEffect(() => {
    const onPop = () => setTexts(fromLocation());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const operations = useDeferredValue(texts.operations);
  const events = useDeferredValue(texts.events);
  const scope = searchScope(url.tab);
  const setText = (text: string) => {
    setTexts((prev) => ({ ...prev, [scope]: text }));
    change(scope === "events" ? { eq: text } : { q: text }, "replace");
  };
  return { text: texts[scope], setText, operations, events };
}
