import type { Event } from "../protocol/index.js";
import type { ObservedStore, StoreChange } from "./observed-store.js";
import type { OperationEvents, OperationIndex } from "./operation-index.js";

/**
 * Follows one execution in an {@link ObservedStore} and keeps an {@link OperationIndex} up to
 * date with its operations and their events. Changes are handed over once per microtask, so a
 * checkpoint of many updates wakes the waiting tests once, with all of it applied.
 *
 * @example const tracker = new ExecutionTracker(store, () => index); tracker.follow(arn);
 */
export class ExecutionTracker {
  private arn: string | undefined;
  private readonly ops = new Map<string, OperationEvents>();
  private readonly dirty = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly store: ObservedStore,
    private readonly index: () => OperationIndex,
  ) {
    store.observe((arn, change) => {
      if (arn !== this.arn) return;
      this.record(change);
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Starts following `arn`, with what the store already holds of it (written while it was being started). */
  follow(arn: string): void {
    this.arn = arn;
    for (const operation of this.store.listOperations(arn)) this.record({ operation });
    for (const event of this.store.listEvents(arn, { reverse: false, limit: Infinity })) this.record({ event });
    this.flush();
  }

  private record(change: StoreChange): void {
    if ("operation" in change) {
      const entry = this.ops.get(change.operation.Id);
      if (entry) entry.operation = change.operation;
      else this.ops.set(change.operation.Id, { operation: change.operation, events: [] });
      this.dirty.add(change.operation.Id);
      return;
    }
    const entry = eventOwner(this.ops, change.event);
    if (!entry) return;
    entry.events.push(change.event);
    this.dirty.add(entry.operation.Id);
  }

  /** Hands the changes recorded so far to the index. */
  flush(): void {
    this.scheduled = false;
    // Copies, so an index a test still holds after reset() keeps the state it had.
    const changed = [...this.dirty].map((id) => ({ operation: this.ops.get(id)!.operation, events: [...this.ops.get(id)!.events] }));
    this.dirty.clear();
    if (changed.length > 0) this.index().update(changed);
  }
}

/** The operation an event belongs to; InvocationCompleted belongs to none. */
function eventOwner(ops: Map<string, OperationEvents>, event: Event): OperationEvents | undefined {
  return event.Id === undefined ? undefined : ops.get(event.Id);
}
