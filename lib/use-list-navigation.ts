"use client";
import { useEffect, useRef, useState, type RefObject } from "react";
import { listKeyAction, moveActive } from "./list-keys";

export interface ListNavigationOptions {
  /** Row keys in display order; a row is marked in the DOM with `data-row-key`. */
  keys: readonly string[];
  /** Opens a row (Enter or o). */
  onOpen: (key: string) => void;
  /** The search box `/` focuses. */
  searchRef?: RefObject<HTMLInputElement | null>;
}

/**
 * j/k through a list's rows, Enter or o to open the active row, / to focus its search box. The
 * active row is kept by key, so it stays put when a refresh reorders or adds rows.
 *
 * @example const { active } = useListNavigation({ keys: rows.map((r) => r.arn), onOpen: go, searchRef });
 */
export function useListNavigation({ keys, onOpen, searchRef }: ListNavigationOptions) {
  const [active, setActive] = useState<string>();
  // The listener is attached once; it reads the latest values through this ref.
  const latest = useRef({ keys, onOpen, searchRef, active });
  latest.current = { keys, onOpen, searchRef, active };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = listKeyAction(event);
      if (!action) return;
      const { keys, onOpen, searchRef, active } = latest.current;
      if (action === "search") {
        const input = searchRef?.current;
        if (!input) return;
        event.preventDefault();
        input.focus();
        input.select();
        return;
      }
      if (action === "open") {
        if (active === undefined || !keys.includes(active)) return;
        event.preventDefault();
        onOpen(active);
        return;
      }
      const next = moveActive(keys, active, action === "next" ? 1 : -1);
      if (next === undefined) return;
      event.preventDefault();
      setActive(next);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    if (active === undefined) return;
    document.querySelector(`[data-row-key="${CSS.escape(active)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  return { active, setActive };
}
