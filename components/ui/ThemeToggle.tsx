"use client";
import { nextPreference, type ThemePreference } from "@/lib/theme";
import { useThemePreference } from "@/lib/use-theme";

const LABELS: Record<ThemePreference, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

function Icon({ preference }: { preference: ThemePreference | undefined }) {
  const common = { viewBox: "0 0 24 24", className: "h-4 w-4", fill: "none", stroke: "currentColor", strokeWidth: 2, "aria-hidden": true } as const;
  if (preference === "light") {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" strokeLinecap="round" />
      </svg>
    );
  }
  if (preference === "dark") {
    return (
      <svg {...common}>
        <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" strokeLinejoin="round" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" strokeLinecap="round" />
    </svg>
  );
}

/** One button stepping through system, light and dark. */
export function ThemeToggle() {
  const { preference, setPreference } = useThemePreference();
  const label = preference ? LABELS[preference] : "Theme";
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      data-preference={preference}
      onClick={() => setPreference(nextPreference(preference ?? "system"))}
      title={`${label} (click to change)`}
      aria-label={`${label}; change theme`}
      className="inline-flex h-8 w-8 items-center justify-center rounded-md text-chrome-muted hover:bg-white/10 hover:text-chrome-fg"
    >
      <Icon preference={preference} />
    </button>
  );
}
