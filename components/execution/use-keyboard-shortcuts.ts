"use client";
import { useEffect, useRef } from "react";

export interface KeyboardShortcuts {
  /** j */
  next: () => void;
  /** k */
  previous: () => void;
  /** / */
  search: () => void;
  /** Escape, outside text fields */
  clear: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/**
 * j/k, / and Escape for the whole page, ignored while the user types in a field or holds a modifier.
 *
 * @example useKeyboardShortcuts({ next, previous, search: () => input.current?.focus(), clear })
 */
export function useKeyboardShortcuts(shortcuts: KeyboardShortcuts): void {
  // The latest handlers, without re-attaching the listener on every render.
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const action = { j: ref.current.next, k: ref.current.previous, "/": ref.current.search, Escape: ref.current.clear }[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
