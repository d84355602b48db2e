"use client";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { readPreference, resolveTheme, THEME_STORAGE_KEY, type Theme, type ThemePreference } from "./theme";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribeToRootClass(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/**
 * The theme on screen, following the `dark` class on <html>; for parts that draw their own colours
 * (React Flow's `colorMode`, canvases).
 *
 * @example <ReactFlow colorMode={useResolvedTheme()} />
 */
export function useResolvedTheme(): Theme {
  return useSyncExternalStore(
    subscribeToRootClass,
    () => (document.documentElement.classList.contains("dark") ? "dark" : "light"),
    () => "light",
  );
}

function apply(preference: ThemePreference): void {
  const dark = resolveTheme(preference, window.matchMedia(DARK_QUERY).matches) === "dark";
  document.documentElement.classList.toggle("dark", dark);
}

/**
 * The user's theme preference and a setter that stores and applies it; while the preference is
 * "system", a change of the system setting applies at once.
 *
 * @example const { preference, setPreference } = useThemePreference();
 */
export function useThemePreference() {
  // Unknown until mounted: the server cannot read localStorage, and guessing would mismatch hydration.
  const [preference, setState] = useState<ThemePreference>();

  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(THEME_STORAGE_KEY);
    } catch {
      // Storage can be blocked; the system setting still applies.
    }
    setState(readPreference(stored));
  }, []);

  useEffect(() => {
    if (preference !== "system") return;
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => apply("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [preference]);

  const setPreference = useCallback((next: ThemePreference) => {
    setState(next);
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but still applied now.
    }
    apply(next);
  }, []);

  return { preference, setPreference };
}
