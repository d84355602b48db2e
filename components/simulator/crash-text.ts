/** Where a crash of the workflow's code happened, in words. Pure. */
import type { CodeError } from "@durable-lens/sdk/replay";

/**
 * The invocation, the checkpoints before, and the last operation the code wrote.
 *
 * @example crashWhereText({ invocation: 2, afterCheckpoint: 0, errorType: "TypeError", message: "x" }) // "Thrown in invocation 2, before its code checkpointed anything."
 */
export function crashWhereText(error: Pick<CodeError, "invocation" | "afterCheckpoint" | "lastOperation">): string {
  const after = error.lastOperation
    ? `after its last checkpoint of ${error.lastOperation.type.toLowerCase()} ${error.lastOperation.name ? `"${error.lastOperation.name}"` : error.lastOperation.id}`
    : "before its code checkpointed anything";
  const total = error.afterCheckpoint > 0 ? ` (${error.afterCheckpoint} checkpoint call${error.afterCheckpoint === 1 ? "" : "s"} in the simulation so far)` : "";
  return `Thrown in invocation ${error.invocation}, ${after}${total}.`;
}
