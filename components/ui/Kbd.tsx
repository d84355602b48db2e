import type { ReactNode } from "react";

/** A key name as it appears in shortcut hints. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-[11px] leading-4 text-zinc-600">{children}</kbd>
  );
}
