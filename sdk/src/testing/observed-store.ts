import { MemoryStore } from "../engine/index.js";
import type { Event, Operation } from "../protocol/index.js";

/** One write of the engine: an operation's new state or an appended history event. */
export type StoreChange = { operation: Operation } | { event: Event };

/**
 * A memory store that tells a listener about every operation and event the engine writes,
 * so a test sees each checkpoint as it lands, without polling.
 *
 * @example store.observe((arn, change) => console.log(arn, change));
 */
export class ObservedStore extends MemoryStore {
  private listener?: (arn: string, change: StoreChange) => void;

  observe(listener: (arn: string, change: StoreChange) => void): void {
    this.listener = listener;
  }

  override putOperation(arn: string, op: Operation): void {
    super.putOperation(arn, op);
    this.listener?.(arn, { operation: structuredClone(op) });
  }

  override appendEvent(arn: string, event: Event): void {
    super.appendEvent(arn, event);
    this.listener?.(arn, { event: structuredClone(event) });
  }
}
