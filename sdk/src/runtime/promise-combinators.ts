import type { ChildConfig, DurableContext, DurablePromiseCombinators } from "./context-types.js";
import { DurablePromise } from "./durable-promise.js";
import { PromiseCombinatorError } from "./errors.js";
import type { Serdes } from "./serdes.js";

/**
 * allSettled results are stored with rejection reasons flattened to plain objects, and
 * revived as Errors, as the official SDK does.
 */
const settledSerdes: Serdes<PromiseSettledResult<unknown>[]> = {
  serialize: async (value) =>
    value === undefined
      ? undefined
      : JSON.stringify(
          value.map((r) =>
            r.status === "rejected" && r.reason instanceof Error
              ? { ...r, reason: { message: r.reason.message, name: r.reason.name, stack: r.reason.stack } }
              : r,
          ),
        ),
  deserialize: async (data) => {
    if (data === undefined) return undefined;
    return (JSON.parse(data) as PromiseSettledResult<unknown>[]).map((r) => {
      const reason = r.status === "rejected" ? (r.reason as { message?: string; name?: string; stack?: string } | undefined) : undefined;
      if (!reason || typeof reason !== "object" || !reason.message) return r;
      const error = new Error(reason.message);
      error.name = reason.name || "Error";
      if (reason.stack) error.stack = reason.stack;
      return { ...r, reason: error };
    });
  },
};

/**
 * `context.promise`: each combinator becomes a child context whose body awaits the given
 * promises, so its outcome is recorded once; its id is taken when the combinator is first
 * awaited, as in the official SDK.
 *
 * @example const [a, b] = await ctx.promise.all([ctx.step(fa), ctx.step(fb)]);
 */
export function promiseCombinators(context: DurableContext): DurablePromiseCombinators {
  const combinator =
    <R>(combine: (promises: DurablePromise<unknown>[]) => Promise<R>, serdes?: Serdes<R>) =>
    (...args: unknown[]): DurablePromise<R> => {
      const [name, promises] =
        typeof args[0] === "string" || args[0] === undefined
          ? [args[0] as string | undefined, args[1] as DurablePromise<unknown>[]]
          : [undefined, args[0] as DurablePromise<unknown>[]];
      const config: ChildConfig<R> = { errorMapper: (error) => new PromiseCombinatorError(error.message, error) };
      if (serdes) config.serdes = serdes;
      return new DurablePromise(() => context.runInChildContext<R>(name, () => combine(promises), config));
    };
  return {
    all: combinator((p) => Promise.all(p)),
    allSettled: combinator((p) => Promise.allSettled(p), settledSerdes),
    any: combinator((p) => Promise.any(p)),
    race: combinator((p) => Promise.race(p)),
  } as DurablePromiseCombinators;
}
