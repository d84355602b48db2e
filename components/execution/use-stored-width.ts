"use client";
import { useCallback, useState } from "react";

export interface StoredWidth {
  width: number;
  min: number;
  max: number;
  /** Sets the width (kept within min and max); `save` also remembers it for the next visit. */
  setWidth: (width: number, save?: boolean) => void;
}

function read(key: string): number | undefined {
  try {
    const value = Number(window.localStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    // Storage can be switched off; the default width does then.
    return undefined;
  }
}

/**
 * A width the user sets (a resizable pane), kept between `min` and `max` and remembered in
 * localStorage under `key`.
 *
 * @example const inspector = useStoredWidth("durable-lens:inspector-width", { initial: 384, min: 280, max: 800 });
 */
export function useStoredWidth(key: string, { initial, min, max }: { initial: number; min: number; max: number }): StoredWidth {
  const clamp = useCallback((w: number) => Math.round(Math.min(max, Math.max(min, w))), [min, max]);
  const [width, setState] = useState(() => clamp(typeof window === "undefined" ? initial : (read(key) ?? initial)));
  const setWidth = useCallback(
    (next: number, save = false) => {
      const w = clamp(next);
      setState(w);
      if (!save) return;
      try {
        window.localStorage.setItem(key, String(w));
      } catch {
        // Not remembered, still applied.
      }
    },
    [clamp, key],
  );
  return { width, min, max, setWidth };
}
