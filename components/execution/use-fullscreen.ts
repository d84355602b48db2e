"use client";
import { useCallback, useEffect, useState } from "react";
import { isTyping } from "./use-keyboard-shortcuts";

/**
 * On/off state of a fixed, whole-window mode (the operation view's fullscreen). Escape leaves it,
 * before the page's own Escape (clear the selection) sees the key; not while the user types in a
 * field or a dialog is open, which use Escape themselves.
 *
 * @example const fullscreen = useFullscreen(); <button onClick={fullscreen.toggle}>Fullscreen</button>
 */
export function useFullscreen() {
  const [on, setOn] = useState(false);
  const toggle = useCallback(() => setOn((v) => !v), []);
  const leave = useCallback(() => setOn(false), []);
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || isTyping(e.target)) return;
      if (e.target instanceof Element && e.target.closest("dialog, [role='dialog']")) return;
      e.preventDefault();
      e.stopPropagation();
      setOn(false);
    };
    // Capture, on the window: ahead of the page's shortcut listener on the document.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [on]);
  return { on, toggle, leave };
}
