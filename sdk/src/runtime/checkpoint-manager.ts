import { Limits, type Operation, type OperationUpdate } from "../protocol/index.js";
import type { DurableExecutionClient } from "./client.js";
import { scheduleMacrotask } from "./schedule.js";

interface Queued {
  /** Absent for an empty "refresh" checkpoint. */
  update?: OperationUpdate;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * The invocation's view of the operation table and its only path for writing to it.
 *
 * Updates are queued and sent in batches, one call in flight at a time, so the checkpoint
 * token chain stays strict: each call uses the token the previous call returned. A batch's
 * callers are resolved only after the response's operations are merged, so code that awaits a
 * checkpoint reads fresh state (the seeds wake callers before merging; that is a race).
 */
export class CheckpointManager {
  private readonly ops = new Map<string, Operation>();
  private queue: Queued[] = [];
  private inFlight = false;
  private scheduled = false;
  private stopped = false;
  /** Set when the invocation is ending: what is queued still goes out, nothing new is taken. */
  private closing = false;
  private failure: unknown;
  private readonly changeListeners = new Set<() => void>();
  /** Parent of every operation this invocation wrote, for ancestor checks before a record exists. */
  private readonly parents = new Map<string, string | undefined>();
  /** Contexts whose function has returned: their descendants may no longer write. */
  private readonly finished = new Set<string>();

  /** Called after each batch settles and whenever the manager goes idle. */
  onIdle: () => void = () => {};
  /** Awaited with the operations whose status a checkpoint response changed, before callers resume. */
  onChanged?: (changed: Operation[]) => Promise<void>;
  /** Called once when a checkpoint call fails; the invocation must end. */
  onFailure: (error: unknown) => void = () => {};

  constructor(
    readonly durableExecutionArn: string,
    private token: string,
    private readonly client: DurableExecutionClient,
    initial: Operation[],
  ) {
    for (const op of initial) this.ops.set(op.Id, op);
  }

  get(id: string): Operation | undefined {
    return this.ops.get(id);
  }

  all(): Operation[] {
    return [...this.ops.values()];
  }

  /** True while updates are queued or a checkpoint call is in flight. */
  get busy(): boolean {
    return this.inFlight || this.queue.length > 0;
  }

  /**
   * Queues an update; the promise settles once the service has acknowledged it and the
   * response is merged. Fire-and-forget callers may ignore the promise.
   */
  checkpoint(update: OperationUpdate): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.stopped || this.closing) return new Promise(() => {}); // after the invocation ended nothing settles
    if (!this.parents.has(update.Id)) this.parents.set(update.Id, update.ParentId);
    // An abandoned branch (its map or parallel already decided) must not change the record.
    if (this.underFinished(update.ParentId)) return new Promise(() => {});
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ update, resolve, reject });
      this.schedule();
    });
  }

  /** Sends an empty checkpoint to refresh state (used to poll for completions). */
  refresh(): Promise<void> {
    if (this.stopped || this.closing) return new Promise(() => {});
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.schedule();
    });
  }

  /**
   * Closes a context to its descendants, as soon as its function returns: map items or
   * parallel branches still running after the batch was decided then write nothing.
   */
  markFinished(contextId: string): void {
    this.finished.add(contextId);
  }

  /** Whether `id` or one of its ancestors is a finished context. */
  underFinished(id: string | undefined): boolean {
    for (let node = id, depth = 0; node !== undefined && depth < 1000; depth++) {
      if (this.finished.has(node)) return true;
      node = this.parents.has(node) ? this.parents.get(node) : this.ops.get(node)?.ParentId;
    }
    return false;
  }

  /** Whether an operation belongs to an abandoned branch (a finished context is among its ancestors). */
  isAbandoned(id: string): boolean {
    return this.underFinished(this.parents.has(id) ? this.parents.get(id) : this.ops.get(id)?.ParentId);
  }

  /** Resolves once nothing is queued or in flight. */
  async drain(): Promise<void> {
    while (this.busy && this.failure === undefined && !this.stopped) {
      await new Promise<void>((r) => {
        const done = () => {
          this.changeListeners.delete(done);
          r();
        };
        this.changeListeners.add(done);
      });
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * The invocation is ending (it was terminated): later checkpoints never settle, but what is
   * already queued is still sent, as the official SDK does, so the record shows the operations
   * that had started (a child context's or a step's START) when the execution failed.
   * {@link drain} then resolves once it is out.
   */
  close(): void {
    this.closing = true;
  }

  /** Ends the invocation's use of the service: later checkpoints never settle. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Waits until `predicate` holds for the operation `id`, re-checking after each merge.
   *
   * @example await manager.waitFor(id, (op) => op?.Status === "SUCCEEDED")
   */
  waitFor(id: string, predicate: (op: Operation | undefined) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (predicate(this.ops.get(id))) {
          this.changeListeners.delete(check);
          resolve();
        }
      };
      this.changeListeners.add(check);
      check();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    scheduleMacrotask(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private takeBatch(): Queued[] {
    const batch: Queued[] = [];
    let bytes = this.token.length + 100;
    let updates = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      const size = next.update ? JSON.stringify(next.update).length : 0;
      if (batch.length > 0 && (bytes + size > Limits.CHECKPOINT_BATCH_BYTES || updates >= Limits.CHECKPOINT_BATCH_UPDATES)) break;
      batch.push(this.queue.shift()!);
      bytes += size;
      if (next.update) updates++;
    }
    return batch;
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0 || this.stopped) return;
    this.inFlight = true;
    const batch = this.takeBatch();
    try {
      const response = await this.client.checkpoint({
        DurableExecutionArn: this.durableExecutionArn,
        CheckpointToken: this.token,
        Updates: batch.flatMap((q) => (q.update ? [q.update] : [])),
      });
      if (response.CheckpointToken) this.token = response.CheckpointToken;
      const changed = this.merge(response.NewExecutionState?.Operations ?? []);
      if (changed.length > 0) await this.onChanged?.(changed);
      this.inFlight = false;
      for (const q of batch) q.resolve();
    } catch (error) {
      this.inFlight = false;
      this.failure = error;
      for (const q of [...batch, ...this.queue]) q.reject(error);
      this.queue = [];
      this.onFailure(error);
      // Whoever drains learns of the failure rather than waiting for a batch that never comes.
      this.notify();
      return;
    }
    this.notify();
    if (this.queue.length > 0) this.schedule();
    else this.onIdle();
  }

  /** Upserts operations the service reports; returns those whose status changed. */
  merge(operations: Operation[]): Operation[] {
    const changed: Operation[] = [];
    for (const op of operations) {
      if (this.ops.get(op.Id)?.Status !== op.Status) changed.push(op);
      this.ops.set(op.Id, op);
    }
    return changed;
  }

  private notify(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  /** The token the next call will use. */
  get checkpointToken(): string {
    return this.token;
  }
}
