/**
 * The promise every durable operation returns. Lazy: its executor runs on the first
 * `then`/`catch`/`finally`, which is how the runtime learns that user code awaits the
 * operation (an awaited wait may suspend the invocation; an un-awaited one does not by itself).
 *
 * @example const p = new DurablePromise(async () => 1); await p; // 1
 */
export class DurablePromise<T> implements Promise<T> {
  private promise?: Promise<T>;
  readonly [Symbol.toStringTag] = "DurablePromise";

  constructor(private readonly executor: () => Promise<T>) {}

  /** Whether user code has awaited (or chained on) this promise. */
  get isExecuted(): boolean {
    return this.promise !== undefined;
  }

  private run(): Promise<T> {
    this.promise ??= this.executor();
    return this.promise;
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.run().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.run().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.run().finally(onfinally);
  }
}
