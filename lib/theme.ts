/**
 * Light and dark mode: the user's choice (system, light or dark) is kept in localStorage and
 * applied as a `dark` class on <html>, which globals.css turns into the dark palette.
 */

export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "durable-lens:theme";

/** The order the toggle steps through. */
const CYCLE: readonly ThemePreference[] = ["system", "light", "dark"];

/**
 * A stored preference, or "system" for anything else (nothing stored, an old or edited value).
 *
 * @example readPreference("dark") // "dark"
 */
export function readPreference(stored: string | null | undefined): ThemePreference {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/**
 * The theme to show for a preference, given whether the system prefers dark.
 *
 * @example resolveTheme("system", true) // "dark"
 */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") return systemPrefersDark ? "dark" : "light";
  return preference;
}

/**
 * The preference after this one, for a single toggle button.
 *
 * @example nextPreference("system") // "light"
 */
export function nextPreference(preference: ThemePreference): ThemePreference {
  return CYCLE[(CYCLE.indexOf(preference) + 1) % CYCLE.length]!;
}

/**
 * A script for <head> that sets the class before the first paint, so a dark page never flashes
 * light while React loads. It repeats the logic above because it runs before any module does.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=p==="dark"||(p!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
