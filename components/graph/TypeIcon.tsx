import type { OperationType } from "@durable-lens/sdk/protocol";

/** Outline paths (24×24) per operation type. */
const PATHS: Record<OperationType, string> = {
  EXECUTION: "M5 21V4m0 0h11l-2 4 2 4H5",
  CONTEXT: "M8 4H5v16h3M16 4h3v16h-3",
  STEP: "M7 5l11 7-11 7V5z",
  WAIT: "M12 7v5l3 2M12 21a9 9 0 100-18 9 9 0 000 18z",
  CALLBACK: "M4 12h12m0 0l-4-4m4 4l-4 4M20 5v14",
  CHAINED_INVOKE: "M14 4h6v6m0-6L10 14M18 14v5H5V6h5",
};

/**
 * A small outline icon for an operation type.
 *
 * @example <TypeIcon type="STEP" />
 */
export function TypeIcon({ type, className = "h-3.5 w-3.5" }: { type: OperationType; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={PATHS[type]} />
    </svg>
  );
}
