import type { ChildConfig, DurableContext } from "./context-types.js";
import type { RetryStrategy } from "./retry.js";

/** One try of the retried work; `attempt` is 1-based. */
export type RetryableFunc<T> = (context: DurableContext, attempt: number) => Promise<T>;

export interface WithRetryConfig<T> {
  retryStrategy: RetryStrategy;
  /** Run the tries inside one child context (default true), so their operations group together. */
  wrapWithRunInChildContext?: boolean;
  childContextConfig?: ChildConfig<T>;
}

/**
 * Retries any durable work (not just a step): after a failed try it waits durably, as the
 * strategy says, and tries again. Named waits are `<name>-backoff-<n>`.
 *
 * @example await withRetry(ctx, "reserve", async (c) => c.invoke("inventory", order), { retryStrategy: retryPresets.default });
 */
export async function withRetry<T>(context: DurableContext, name: string, func: RetryableFunc<T>, config: WithRetryConfig<T>): Promise<T>;
export async function withRetry<T>(context: DurableContext, func: RetryableFunc<T>, config: WithRetryConfig<T>): Promise<T>;
export async function withRetry<T>(context: DurableContext, ...args: unknown[]): Promise<T> {
  const named = typeof args[0] === "string";
  const name = named ? (args[0] as string) : undefined;
  const func = (named ? args[1] : args[0]) as RetryableFunc<T>;
  const config = (named ? args[2] : args[1]) as WithRetryConfig<T> | undefined;
  if (!config) throw new TypeError("withRetry: config is required");
  const loop = async (ctx: DurableContext): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await func(ctx, attempt);
      } catch (error) {
        const decision = config.retryStrategy(error as Error, attempt);
        if (!decision.shouldRetry) throw error;
        const delay = decision.delay ?? { seconds: 1 };
        await (name ? ctx.wait(`${name}-backoff-${attempt}`, delay) : ctx.wait(delay));
      }
    }
  };
  if (config.wrapWithRunInChildContext === false) return loop(context);
  return name ? context.runInChildContext(name, loop, config.childContextConfig) : context.runInChildContext(loop, config.childContextConfig);
}
