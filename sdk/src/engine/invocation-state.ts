import { Limits, utf8Length, type Operation } from "../protocol/index.js";

/** How much state travels inside the invocation event; the SDK pages in the rest. */
export const INITIAL_STATE_BYTES = 5 * 1024 * 1024;

const closed = (op: Operation) => op.Type === "CONTEXT" && (op.Status === "SUCCEEDED" || op.Status === "FAILED") && !op.ContextDetails?.ReplayChildren;

/**
 * The operations an invocation gets to see. As Lambda does, the children of a closed context
 * are left out, unless it asked to keep them (`ReplayChildren`): its recorded result is all
 * that a replay reads, and big executions stay cheap to resume.
 *
 * @example visibleOperations(store.listOperations(arn))
 */
export function visibleOperations(ops: Operation[]): Operation[] {
  const byId = new Map(ops.map((op) => [op.Id, op]));
  const hidden = new Map<string, boolean>();
  const isHidden = (op: Operation): boolean => {
    const known = hidden.get(op.Id);
    if (known !== undefined) return known;
    const parent = op.ParentId === undefined ? undefined : byId.get(op.ParentId);
    const result = parent !== undefined && (closed(parent) || isHidden(parent));
    hidden.set(op.Id, result);
    return result;
  };
  return ops.filter((op) => !isHidden(op));
}

/**
 * The first page of state for the invocation event: up to `Limits.MAX_ITEMS` operations and
 * `maxBytes` of JSON; `rest` is where GetDurableExecutionState continues, if anywhere.
 */
export function initialStatePage(ops: Operation[], maxBytes = INITIAL_STATE_BYTES): { page: Operation[]; rest?: number } {
  let bytes = 0;
  let count = 0;
  while (count < ops.length && count < Limits.MAX_ITEMS) {
    const size = utf8Length(JSON.stringify(ops[count]));
    // The first operation (the EXECUTION one) always goes, whatever its size.
    if (count > 0 && bytes + size > maxBytes) break;
    bytes += size;
    count++;
  }
  return count < ops.length ? { page: ops.slice(0, count), rest: count } : { page: ops };
}
