import type { Operation, OperationType } from "../protocol/index.js";
import { CheckpointManager } from "./checkpoint-manager.js";
import type { DurableExecutionClient } from "./client.js";
import { NonDeterministicExecutionError } from "./errors.js";
import { createPluginHub, toOperationInfoMap, type PluginHub } from "./plugins.js";
import { TerminationManager } from "./termination.js";

/** Everything the contexts of one invocation share. */
export class ExecutionRuntime {
  readonly checkpoints: CheckpointManager;
  readonly termination: TerminationManager;
  private readonly replaying: boolean;

  constructor(
    readonly durableExecutionArn: string,
    checkpointToken: string,
    client: DurableExecutionClient,
    operations: Operation[],
    readonly requestId: string,
    readonly plugins: PluginHub = createPluginHub([]),
    /** Operations the service changed since the previous invocation ended. */
    readonly updatedOperationIds: ReadonlySet<string> = new Set(),
  ) {
    this.checkpoints = new CheckpointManager(durableExecutionArn, checkpointToken, client, operations);
    if (plugins.active) {
      this.checkpoints.onChanged = (changed) =>
        plugins.call("onOperationChange", {
          executionArn: durableExecutionArn,
          updatedOperations: toOperationInfoMap(changed),
          operations: toOperationInfoMap(this.checkpoints.all()),
        });
    }
    this.termination = new TerminationManager(this.checkpoints);
    this.checkpoints.onFailure = (error) => this.termination.terminate(classifyCheckpointFailure(error));
    // Only the EXECUTION operation means a first invocation; anything else is replayed first.
    this.replaying = operations.some((op) => op.Type !== "EXECUTION");
  }

  /** Whether the invocation began by replaying recorded operations. */
  get startedInReplay(): boolean {
    return this.replaying;
  }

  /**
   * Fails the execution when the record at this id was written by different code.
   * Name must match exactly: undefined equals only undefined.
   */
  validateReplay(
    existing: Operation | undefined,
    expected: { type: OperationType; subType: string; name: string | undefined; stepPath: string },
  ): void {
    if (!existing) return;
    const mismatch =
      existing.Type !== expected.type
        ? `type ${existing.Type} was recorded, the code asks for ${expected.type}`
        : (existing.SubType ?? undefined) !== expected.subType
          ? `sub type ${existing.SubType} was recorded, the code asks for ${expected.subType}`
          : (existing.Name ?? undefined) !== expected.name
            ? `name ${JSON.stringify(existing.Name)} was recorded, the code asks for ${JSON.stringify(expected.name)}`
            : undefined;
    if (mismatch) {
      const error = new NonDeterministicExecutionError(
        `Non-deterministic execution at operation ${expected.stepPath} (id ${existing.Id}): ${mismatch}`,
      );
      this.termination.terminate({ kind: "fail", error });
      throw error;
    }
  }

}

export function isTerminal(status: Operation["Status"] | undefined): boolean {
  return status === "SUCCEEDED" || status === "FAILED" || status === "CANCELLED" || status === "TIMED_OUT" || status === "STOPPED";
}

/**
 * A stale token, throttling, a 5xx or a network failure ends the invocation so that Lambda
 * retries it; any other 4xx fails the execution (js-sdk-api.md §2.8).
 */
export function classifyCheckpointFailure(error: unknown): { kind: "fail" | "retry-invocation"; error: unknown } {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; status?: number };
  const status = e?.$metadata?.httpStatusCode ?? e?.status;
  if (e?.name === "InvalidParameterValueException" && e.message?.startsWith("Invalid Checkpoint Token")) {
    return { kind: "retry-invocation", error };
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return { kind: "fail", error };
  return { kind: "retry-invocation", error };
}
