import type { Operation, OperationType } from "../protocol/index.js";
import { CheckpointManager } from "./checkpoint-manager.js";
import type { AttemptStandIn, DurableExecutionClient } from "./client.js";
import { DurableExecutionClientErrorScope, isDurableExecutionClientError, NonDeterministicExecutionError } from "./errors.js";
import { createPluginHub, toOperationInfoMap, type PluginHub } from "./plugins.js";
import { TerminationManager } from "./termination.js";
import { realInvocationClock, type InvocationClock } from "./invocation-clock.js";

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
    /** Answers step attempts instead of the user's functions (the replay simulator). */
    readonly standIn?: AttemptStandIn,
    /** What polls for a known end wait by; a test runner that skips time hands its own. */
    private readonly clock: InvocationClock = realInvocationClock,
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

  /**
   * Waits until the service changes operation `id` (a timer fired, a callback arrived). The
   * change normally arrives with the next invocation; but while another branch's step body
   * runs the invocation cannot suspend, so it polls with empty checkpoints: first at the
   * known end time (`knownEnd`, 1 s if none), then every 1 s more, up to every 10 s. A step's
   * back-off (`retry`) is polled for at its end too, as the official SDK does: on Lambda the
   * invocation has suspended long before, but where time is skipped the end comes at once.
   *
   * A known end the invocation is sure to sit through (a back-off, or any end while a step
   * body runs) is awaited on the invocation's clock, which a runner that skips time moves to
   * it at once; other polls keep real time, so skipped time never runs ahead of an invocation
   * that is about to suspend.
   */
  async serviceChange(
    id: string,
    done: (op: Operation | undefined) => boolean,
    knownEnd: (op: Operation | undefined) => Date | undefined,
    retry = false,
  ): Promise<void> {
    const change = this.checkpoints.waitFor(id, done);
    let settled = false;
    void change.then(() => (settled = true));
    for (let poll = 0; !settled && !this.termination.hasEnded; poll++) {
      const end = poll === 0 ? knownEnd(this.checkpoints.get(id))?.getTime() : undefined;
      const mustPoll = () => retry || this.termination.blockedByExecution();
      const onClock = end !== undefined && mustPoll();
      const delay = end !== undefined ? Math.max(0, end - this.clock.now()) : Math.min(1000 * Math.max(poll, 1), 10_000);
      const elapsed = (onClock ? this.clock : realInvocationClock).sleep(delay).then(() => false);
      const woke = await Promise.race([change.then(() => true), elapsed]);
      if (woke || settled || this.termination.hasEnded) break;
      // Only worth a call while suspension is impossible; otherwise the next invocation tells.
      if (mustPoll()) await this.checkpoints.refresh().catch(() => {});
    }
    await change;
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

/** Lambda's 502s for a function whose key it cannot use: only the customer can fix them. */
const CUSTOMER_KMS_ERRORS = new Set(["KMSAccessDeniedException", "KMSDisabledException", "KMSInvalidStateException", "KMSNotFoundException"]);

/**
 * How a failed call to the durable API (checkpoint or get-state) ends things (seed 002): the KMS
 * errors and 4xx client errors fail the execution; a stale token, throttling, other 5xx and
 * network failures end only the invocation, so that Lambda retries it. A custom client says
 * which it is with a DurableExecutionClientError.
 *
 * @example classifyCheckpointFailure({ name: "TooManyRequestsException", $metadata: { httpStatusCode: 429 } }).kind // "retry-invocation"
 */
export function classifyCheckpointFailure(error: unknown): { kind: "fail" | "retry-invocation"; error: unknown } {
  if (isDurableExecutionClientError(error)) {
    return { kind: error.scope === DurableExecutionClientErrorScope.EXECUTION ? "fail" : "retry-invocation", error };
  }
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; status?: number };
  const status = e?.$metadata?.httpStatusCode ?? e?.status;
  if (e?.name && CUSTOMER_KMS_ERRORS.has(e.name)) return { kind: "fail", error };
  if (e?.name === "InvalidParameterValueException" && e.message?.startsWith("Invalid Checkpoint Token")) {
    return { kind: "retry-invocation", error };
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return { kind: "fail", error };
  return { kind: "retry-invocation", error };
}
