import type { DiffKind } from "@durable-lens/sdk/history";
import { KIND_STYLE } from "./diff-format";

/**
 * A pill saying whether an operation was added, removed, changed or is unchanged.
 *
 * @example <DiffBadge kind="added" />
 */
export function DiffBadge({ kind }: { kind: DiffKind }) {
  const style = KIND_STYLE[kind];
  return (
    <span data-testid="diff-badge" className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style.badge}`}>
      {style.label}
    </span>
  );
}
