"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTarget } from "@/lib/queries";
import { ThemeToggle } from "@/components/ui/ThemeToggle";
import { ExecutionLookup } from "@/components/lookup/ExecutionLookup";

/** Shows which service the app reads from, e.g. "local · us-east-1" or "aws · eu-west-1 · dev". */
function TargetIndicator() {
  const { data, error } = useTarget();
  if (error) {
    return (
      <span data-testid="target-indicator" title={error.message} className="font-mono text-xs text-red-300">
        target unknown
      </span>
    );
  }
  if (!data) return <span className="inline-block h-6 w-28 animate-pulse rounded-full bg-white/10" aria-hidden />;
  const title =
    data.target === "local"
      ? `Local durable service at ${data.endpoint ?? "its default endpoint"}`
      : `AWS Lambda in ${data.region}${data.profile ? `, credentials from profile ${data.profile}` : ", credentials from the default chain"}`;
  return (
    <span
      data-testid="target-indicator"
      data-target={data.target}
      title={title}
      className="inline-flex items-center gap-1.5 rounded-full bg-white/10 px-3 py-1 font-mono text-xs text-chrome-fg"
    >
      <span className={`h-2 w-2 rounded-full ${data.target === "local" ? "bg-emerald-400" : "bg-amber-400"}`} aria-hidden />
      {data.target} · {data.region}
      {data.profile ? ` · ${data.profile}` : ""}
    </span>
  );
}

function NavLink({ href, children, active }: { href: string; children: string; active: boolean }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-2.5 py-1.5 text-sm ${active ? "bg-white/10 text-chrome-fg" : "text-chrome-muted hover:text-chrome-fg"}`}
    >
      {children}
    </Link>
  );
}

/** The top bar: product name, navigation, the execution search, target and theme. */
export function AppHeader() {
  const pathname = usePathname();
  const onOpen = pathname.startsWith("/open");
  const onCallbacks = pathname.startsWith("/callbacks");
  return (
    <header className="border-b border-chrome-border bg-chrome text-chrome-fg">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
        <div className="flex items-center gap-4">
          <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
            <svg viewBox="0 0 24 24" className="h-5 w-5 text-sky-400" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
              <circle cx="11" cy="11" r="6" />
              <path d="M20 20l-4.5-4.5" strokeLinecap="round" />
            </svg>
            Durable Lens
          </Link>
          <nav className="flex items-center gap-1" aria-label="Main">
            <NavLink href="/" active={!onOpen && !onCallbacks}>
              Functions
            </NavLink>
            <NavLink href="/callbacks" active={onCallbacks}>
              Callbacks
            </NavLink>
            <NavLink href="/open" active={onOpen}>
              Open history file
            </NavLink>
          </nav>
        </div>
        <div className="flex items-center gap-2">
          <ExecutionLookup />
          <TargetIndicator />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
