/**
 * The operation-level serdes of 9-19 and 9-20: a whole map result of strings is stored as
 * "OPSERDE:" + its results comma-joined, and read back into a BatchResult of succeeded items.
 */
import { BatchItemStatus, type BatchItem, type BatchResult, type ChildContextError, type CompletionReason, type Serdes } from "@durable-lens/sdk/runtime";

const PREFIX = "OPSERDE:";

/** A batch rebuilt from its encoding: every item succeeded, in index order. */
class DecodedBatch implements BatchResult<string> {
  readonly completionReason: CompletionReason = "ALL_COMPLETED";
  readonly all: (BatchItem<string> & { result: string })[];

  constructor(results: string[]) {
    this.all = results.map((result, index) => ({ result, index, status: BatchItemStatus.SUCCEEDED }));
  }

  get status(): BatchItemStatus.SUCCEEDED {
    return BatchItemStatus.SUCCEEDED;
  }
  get hasFailure(): boolean {
    return false;
  }
  get successCount(): number {
    return this.all.length;
  }
  get failureCount(): number {
    return 0;
  }
  get startedCount(): number {
    return 0;
  }
  get totalCount(): number {
    return this.all.length;
  }
  succeeded(): (BatchItem<string> & { result: string })[] {
    return this.all;
  }
  failed(): (BatchItem<string> & { error: ChildContextError })[] {
    return [];
  }
  started(): (BatchItem<string> & { status: BatchItemStatus.STARTED })[] {
    return [];
  }
  throwIfError(): void {}
  getResults(): string[] {
    return this.all.map((i) => i.result);
  }
  getErrors(): ChildContextError[] {
    return [];
  }
}

export const opSerdes: Serdes<BatchResult<string>> = {
  serialize: async (batch) => (batch === undefined ? undefined : PREFIX + batch.getResults().join(",")),
  deserialize: async (data) => {
    if (data === undefined) return undefined;
    if (!data.startsWith(PREFIX)) throw new Error(`not an OPSERDE payload: ${data}`);
    const body = data.slice(PREFIX.length);
    return new DecodedBatch(body === "" ? [] : body.split(","));
  },
};
