"use client";
import { useEffect, useRef } from "react";

/** The page's keys, one per action; the hint list shows the same table, so the two never disagree. */
export const SHORTCUT_KEYS = {
  next: "j",
  previous: "k",
  search: "/",
  /** Outside text fields: leaves time travel, or clears the selection. */
  clear: "Escape",
  eventBack: ",",
  eventForward: ".",
  checkpointBack: "[",
  checkpointForward: "]",
  invocationBack: "{",
  invocationForward: "}",
  play: "p",
} as const;

export type KeyboardShortcuts = Record<keyof typeof SHORTCUT_KEYS, () => void>;

const ACTION_BY_KEY = new Map(Object.entries(SHORTCUT_KEYS).map(([action, key]) => [key as string, action as keyof KeyboardShortcuts]));

/** Inputs that take no text (a slider, a checkbox): the page's keys still work while they have focus. */
const KEYLESS_INPUTS: ReadonlySet<string> = new Set(["range", "checkbox", "radio", "button", "submit", "reset"]);

/**
 * Whether a key press goes into a text field (where the page's keys must not act).
 *
 * @example if (isTyping(event.target)) return;
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/**
 * The keys of {@link SHORTCUT_KEYS} for the whole page, ignored while the user types in a field or
 * holds a modifier (Shift aside: it is how `{` and `}` are typed).
 *
 * @example useKeyboardShortcuts({ next, previous, search: () => input.current?.focus(), clear, ...timeTravelKeys })
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
      const action = ACTION_BY_KEY.get(e.key);
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
