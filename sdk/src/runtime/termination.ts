import type { CheckpointManager } from "./checkpoint-manager.js";

/** Where an operation is in its life, as far as ending the invocation is concerned. */
export type OperationLifecycle =
  | "EXECUTING" // user code of a step runs: the invocation must not end
  | "RETRY_WAITING" // a step waits for its next attempt
  | "IDLE_NOT_AWAITED" // waits on the service, but user code has not awaited it
  | "IDLE_AWAITED" // waits on the service and user code awaits it
  | "COMPLETED";

/** Why the invocation ended before the handler returned. */
export type Termination =
  | { kind: "suspend" }
  /** The execution must fail (non-determinism, a non-retryable checkpoint error). */
  | { kind: "fail"; error: unknown }
  /** The invocation must fail so Lambda retries it (retryable checkpoint error). */
  | { kind: "retry-invocation"; error: unknown };

/** How long the invocation stays idle before it suspends, as in the official SDK 2.4. */
export const SUSPEND_COOLDOWN_MS = 20;

/**
 * Decides when the invocation can end while the handler is still pending: nothing is being
 * checkpointed, no step body runs, and some operation waits on the service. The decision
 * waits a short cooldown, cancelled if anything changes meanwhile.
 */
export class TerminationManager {
  private readonly states = new Map<string, OperationLifecycle>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private resolveTermination!: (t: Termination) => void;
  private ended = false;
  /** Settles when the invocation must end; the handler races against it. */
  readonly terminated: Promise<Termination>;

  constructor(private readonly checkpoints: CheckpointManager) {
    this.terminated = new Promise((resolve) => (this.resolveTermination = resolve));
    checkpoints.onIdle = () => this.evaluate();
  }

  private readonly awaited = new Set<string>();

  set(id: string, state: OperationLifecycle): void {
    // User code may await an operation before it reaches its idle state.
    if (state === "IDLE_NOT_AWAITED" && this.awaited.has(id)) state = "IDLE_AWAITED";
    this.states.set(id, state);
    // An operation nobody awaits does not trigger suspension itself, but counts as waiting.
    if (state !== "IDLE_NOT_AWAITED") this.evaluate();
  }

  /** Marks a waiting operation as awaited by user code. */
  markAwaited(id: string): void {
    this.awaited.add(id);
    if (this.states.get(id) === "IDLE_NOT_AWAITED") this.set(id, "IDLE_AWAITED");
  }

  /**
   * Ends the invocation early. Checkpoints already queued still go out (the invocation drains
   * them before it answers, see {@link close}); new ones are not taken.
   */
  terminate(t: Termination): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.checkpoints.close();
    this.resolveTermination(t);
  }

  /** Ends the invocation after the handler settled: no more timers, no more checkpoints. */
  close(): void {
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.checkpoints.stop();
  }

  get hasEnded(): boolean {
    return this.ended;
  }

  private canSuspend(): boolean {
    if (this.checkpoints.busy) return false;
    let waiting = false;
    for (const [id, s] of this.states) {
      // Abandoned branches can neither block nor justify suspension.
      if (s === "COMPLETED" || this.checkpoints.isAbandoned(id)) continue;
      if (s === "EXECUTING") return false;
      waiting = true;
    }
    return waiting;
  }

  /** True while a step body (outside abandoned branches) runs, which rules suspension out. */
  blockedByExecution(): boolean {
    for (const [id, s] of this.states) if (s === "EXECUTING" && !this.checkpoints.isAbandoned(id)) return true;
    return false;
  }

  evaluate(): void {
    if (this.ended) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.canSuspend()) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.canSuspend()) this.terminate({ kind: "suspend" });
    }, SUSPEND_COOLDOWN_MS);
  }
}
