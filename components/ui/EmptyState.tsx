import type { ReactNode } from "react";

/** What to show when there is nothing to list: what happened and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div data-testid="empty-state" className="rounded-lg border border-dashed border-zinc-300 bg-white p-6 text-sm text-zinc-600">
      <p className="font-medium text-zinc-800">{title}</p>
      {children ? <div className="mt-1 space-y-1">{children}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
