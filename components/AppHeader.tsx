"use client";
import Link from "next/link";
import { useTarget } from "@/lib/queries";

/** Shows which service the app reads from, e.g. "local · us-east-1". */
function TargetIndicator() {
  const { data, error } = useTarget();
  if (error) return <span className="text-xs text-red-300">target unknown</span>;
  if (!data) return <span className="text-xs text-zinc-400">…</span>;
  return (
    <span
      data-testid="target-indicator"
      title={data.endpoint ? `Local durable service at ${data.endpoint}` : `AWS Lambda in ${data.region}`}
      className="inline-flex items-center gap-1.5 rounded-full bg-zinc-800 px-3 py-1 font-mono text-xs text-zinc-200"
    >
      <span className={`h-2 w-2 rounded-full ${data.target === "local" ? "bg-emerald-400" : "bg-amber-400"}`} aria-hidden />
      {data.target} · {data.region}
    </span>
  );
}

/** The top bar: product name and target. */
export function AppHeader() {
  return (
    <header className="border-b border-zinc-800 bg-zinc-900 text-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4">
        <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <svg viewBox="0 0 24 24" className="h-5 w-5 text-sky-400" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
            <circle cx="11" cy="11" r="6" />
            <path d="M20 20l-4.5-4.5" strokeLinecap="round" />
          </svg>
          Durable Lens
        </Link>
        <TargetIndicator />
      </div>
    </header>
  );
}
