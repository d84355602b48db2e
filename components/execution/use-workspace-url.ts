"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readWorkspaceState, withWorkspaceChange, type WorkspaceChange, type WorkspaceState } from "./workspace-url";

/**
 * The page state in the URL and a way to change it. Changes go through the History API, which
 * Next.js keeps `useSearchParams` in sync with, so nothing is fetched from the server again;
 * `push` makes a back/forward step, `replace` (typing, j/k) does not.
 *
 * @example const [state, change] = useWorkspaceUrl(); change({ tab: "events" }, "push");
 */
export function useWorkspaceUrl(): [WorkspaceState, (change: WorkspaceChange, mode: "push" | "replace") => void] {
  const params = useSearchParams();
  const state = useMemo(() => readWorkspaceState(params), [params]);
  const change = useCallback((c: WorkspaceChange, mode: "push" | "replace") => {
    const { pathname, search, hash } = window.location;
    const next = withWorkspaceChange(search, c);
    if (next === search || (next === "" && search === "?")) return;
    const url = `${pathname}${next}${hash}`;
    // Next.js syncs its router with pushState/replaceState when the state argument is null.
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return [state, change];
}
