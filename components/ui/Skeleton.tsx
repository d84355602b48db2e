/** A grey placeholder block that pulses while content loads. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden className={`block animate-pulse rounded bg-zinc-200 ${className}`} />;
}

/**
 * Placeholder rows in the shape of the list about to appear, so the page does not jump when it does.
 * `label` is what screen readers hear instead.
 */
export function SkeletonRows({ rows = 6, columns = 4, label }: { rows?: number; columns?: number; label: string }) {
  return (
    <div role="status" aria-label={label} data-testid="skeleton" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex items-center gap-6 border-b border-zinc-100 px-4 py-3 last:border-b-0">
          {Array.from({ length: columns }, (_, c) => (
            // Varying widths read as text rather than as a grid of bars.
            <Skeleton key={c} className={`h-3.5 ${c === 0 ? "w-48" : c % 2 === 0 ? "w-28" : "w-20"}`} />
          ))}
        </div>
      ))}
    </div>
  );
}
