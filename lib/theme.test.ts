import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { nextPreference, readPreference, resolveTheme, THEME_INIT_SCRIPT, THEME_STORAGE_KEY } from "./theme";

describe("theme preference", () => {
  it("reads only the values it writes", () => {
    expect([readPreference("dark"), readPreference("light"), readPreference(null), readPreference("purple")]).toEqual([
      "dark",
      "light",
      "system",
      "system",
    ]);
  });

  it("follows the system unless the user chose", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("cycles system → light → dark → system", () => {
    expect([nextPreference("system"), nextPreference("light"), nextPreference("dark")]).toEqual(["light", "dark", "system"]);
  });
});

describe("THEME_INIT_SCRIPT", () => {
  /** Runs the script against a fake document, returning whether it set the dark class. */
  function run(stored: string | null, systemDark: boolean, storageThrows = false): boolean | undefined {
    let dark: boolean | undefined;
    runInNewContext(THEME_INIT_SCRIPT, {
      localStorage: {
        getItem: (key: string) => {
          if (storageThrows) throw new Error("SecurityError");
          return key === THEME_STORAGE_KEY ? stored : null;
        },
      },
      window: { matchMedia: (q: string) => ({ matches: q === "(prefers-color-scheme: dark)" && systemDark }) },
      document: { documentElement: { classList: { toggle: (name: string, on: boolean) => name === "dark" && (dark = on) } } },
    });
    return dark;
  }

  it("agrees with resolveTheme for every stored value and system setting", () => {
    for (const stored of [null, "system", "light", "dark"]) {
      for (const systemDark of [false, true]) {
        expect(run(stored, systemDark)).toBe(resolveTheme(readPreference(stored), systemDark) === "dark");
      }
    }
  });

  it("leaves the page alone when storage is blocked", () => {
    expect(run("dark", true, true)).toBeUndefined();
  });
});
