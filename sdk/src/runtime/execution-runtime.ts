import type { Operation, OperationType } from "../protocol/index.js";
import { CheckpointManager } from "./checkpoint-manager.js";
import type { DurableExecutionClient } from "./client.js";
import { NonDeterministicExecutionError } from "./errors.js";
import { createContextLogger, type DurableContextLogger } from "./logger.js";
import { TerminationManager } from "./termination.js";

/** Everything the contexts of one invocation share. */
export class ExecutionRuntime {
  readonly checkpoints: CheckpointManager;
  readonly termination: TerminationManager;
  /** True while code re-runs operations that already have an outcome; silences logs. */
  private replaying: boolean;

  constructor(
    readonly durableExecutionArn: string,
    checkpointToken: string,
    client: DurableExecutionClient,
    operations: Operation[],
    readonly requestId: string,
  ) {
    this.checkpoints = new CheckpointManager(durableExecutionArn, checkpointToken, client, operations);
    this.termination = new TerminationManager(this.checkpoints);
    this.checkpoints.onFailure = (error) => this.termination.terminate(classifyCheckpointFailure(error));
    // Only the EXECUTION operation means a first invocation; anything else is replayed first.
    this.replaying = operations.some((op) => op.Type !== "EXECUTION");
  }

  get isReplaying(): boolean {
    return this.replaying;
  }

  /** Called for each operation as code reaches it: the first one without a record ends replay. */
  noteOperation(existing: Operation | undefined): void {
    if (!existing || !isTerminal(existing.Status)) this.replaying = false;
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

  logger(operationId?: string, attempt?: number): DurableContextLogger {
    return createContextLogger(
      () => ({ requestId: this.requestId, executionArn: this.durableExecutionArn, operationId, attempt }),
      // Step bodies run fresh by definition; elsewhere lines printed during replay are duplicates.
      () => operationId !== undefined || !this.replaying,
    );
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
