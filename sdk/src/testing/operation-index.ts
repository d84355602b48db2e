import type { Event, Operation, OperationStatus } from "../protocol/index.js";
import { WaitingOperationStatus } from "./types.js";

/** An operation as it stands now and the history events written for it so far. */
export interface OperationEvents {
  operation: Operation;
  events: Event[];
}

/** How a test named the operation it wants: by id, by name and occurrence, or by position. */
export type OperationSelector = { id: string } | { name: string; index: number } | { index: number };

const TERMINAL: ReadonlySet<OperationStatus> = new Set(["CANCELLED", "FAILED", "STOPPED", "SUCCEEDED", "TIMED_OUT"]);

/**
 * Whether an operation in `status` counts as having reached `expected`.
 *
 * @example statusReached("PENDING", WaitingOperationStatus.STARTED) // true
 */
export function statusReached(status: OperationStatus | undefined, expected: WaitingOperationStatus): boolean {
  if (status === undefined) return false;
  return expected === WaitingOperationStatus.STARTED || TERMINAL.has(status);
}

interface Waiter {
  reached: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
  error: Error;
}

/**
 * The operations of one execution in the order they first appeared (the EXECUTION operation
 * aside), looked up by id, by name and occurrence, by position, and by parent; and the tests
 * waiting for one of them to reach a status.
 *
 * @example index.update([{ operation, events }]); index.find({ name: "charge", index: 0 })
 */
export class OperationIndex {
  private readonly byId = new Map<string, OperationEvents>();
  private readonly byName = new Map<string, Map<string, OperationEvents>>();
  private readonly byParent = new Map<string, Map<string, OperationEvents>>();
  private readonly waiters = new Set<Waiter>();

  /** Records the new state of operations, then wakes the waiters whose operation got there. */
  update(entries: readonly OperationEvents[]): void {
    for (const entry of entries) {
      const op = entry.operation;
      if (op.Type === "EXECUTION") continue;
      this.byId.set(op.Id, entry);
      if (op.Name !== undefined) this.group(this.byName, op.Name).set(op.Id, entry);
      if (op.ParentId !== undefined) this.group(this.byParent, op.ParentId).set(op.Id, entry);
    }
    for (const waiter of [...this.waiters]) {
      if (!waiter.reached()) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private group(map: Map<string, Map<string, OperationEvents>>, key: string): Map<string, OperationEvents> {
    let group = map.get(key);
    if (!group) map.set(key, (group = new Map()));
    return group;
  }

  find(selector: OperationSelector): OperationEvents | undefined {
    if ("id" in selector) return this.byId.get(selector.id);
    if ("name" in selector) return [...(this.byName.get(selector.name)?.values() ?? [])].at(selector.index);
    return [...this.byId.values()].at(selector.index);
  }

  children(id: string): OperationEvents[] {
    return [...(this.byParent.get(id)?.values() ?? [])];
  }

  all(): OperationEvents[] {
    return [...this.byId.values()];
  }

  /** Resolves once `reached()` holds after an update (or now); rejected by {@link rejectWaiters}. */
  waitUntil(reached: () => boolean, expected: WaitingOperationStatus): Promise<void> {
    if (reached()) return Promise.resolve();
    // Made here, so that its stack shows the test's call rather than the end of the run.
    const error = new Error(
      `Operation was not found after execution completion. Expected status: ${expected}. ` +
        "This typically means the operation was never executed or the test is waiting for the wrong operation.",
    );
    return new Promise((resolve, reject) => this.waiters.add({ reached, resolve, reject, error }));
  }

  /** Fails every wait still open: the execution ended without the operation getting there. */
  rejectWaiters(): void {
    for (const waiter of this.waiters) waiter.reject(waiter.error);
    this.waiters.clear();
  }
}
