import { statusStyle } from "./status";

/** A coloured pill with a status name. */
export function StatusBadge({ status, className = "" }: { status: string; className?: string }) {
  const style = statusStyle(status);
  return (
    <span
      data-testid="status-badge"
      className={`inline-flex items-center rounded-md px-2 py-0.5 font-mono text-xs font-medium ring-1 ring-inset ${style.badge} ${className}`}
    >
      {style.label}
    </span>
  );
}
