import { OperationHandle } from "./operation-handle.js";
import { OperationIndex, type OperationSelector } from "./operation-index.js";
import type { DurableOperation } from "./types.js";

/** The lookups both runners offer over the operations of their current run. */
export abstract class OperationLookup {
  protected index = new OperationIndex();

  protected abstract handle<T>(selector: OperationSelector, index?: OperationIndex): OperationHandle<T>;

  /**
   * The operation at `index` in the order operations started.
   *
   * @example runner.getOperationByIndex(0).getName()
   */
  getOperationByIndex<TOperationResult = any>(index: number): DurableOperation<TOperationResult> {
    return this.handle({ index });
  }

  /**
   * The `index`-th operation named `name`.
   *
   * @example runner.getOperationByNameAndIndex("reserve", 1)
   */
  getOperationByNameAndIndex<TOperationResult = any>(name: string, index: number): DurableOperation<TOperationResult> {
    return this.handle({ name, index });
  }

  /**
   * The operation with this id.
   *
   * @example runner.getOperationById("c4ca4238a0b92382")
   */
  getOperationById<TOperationResult = any>(id: string): DurableOperation<TOperationResult> {
    return this.handle({ id });
  }

  /**
   * Forgets the operations of earlier runs, for reusing one runner across tests.
   *
   * @example beforeEach(() => runner.reset());
   */
  reset(): void {
    this.index.rejectWaiters();
    this.index = new OperationIndex();
  }
}
