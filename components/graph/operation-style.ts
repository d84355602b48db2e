/**
 * Words for operation types and sub types, shared by graph nodes and the inspector.
 */
import type { OperationType } from "@durable-lens/sdk/protocol";

const TYPE_LABELS: Record<OperationType, string> = {
  EXECUTION: "Execution",
  CONTEXT: "Context",
  STEP: "Step",
  WAIT: "Wait",
  CALLBACK: "Callback",
  CHAINED_INVOKE: "Invoke",
};

const SUBTYPE_LABELS: Readonly<Record<string, string>> = {
  RunInChildContext: "Child context",
  Map: "Map",
  MapIteration: "Map item",
  Parallel: "Parallel",
  ParallelBranch: "Branch",
  WaitForCallback: "Wait for callback",
  WaitForCondition: "Wait for condition",
};

/**
 * A short label for an operation's kind, preferring the sub type when it says more.
 *
 * @example operationKindLabel("CONTEXT", "Map") // "Map"
 */
export function operationKindLabel(type: OperationType, subType?: string): string {
  return (subType && SUBTYPE_LABELS[subType]) || TYPE_LABELS[type] || type;
}
