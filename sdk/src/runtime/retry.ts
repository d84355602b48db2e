import { durationToSeconds, type Duration } from "./duration.js";

/** Whether to retry a failed attempt, and after how long (1 second when absent). */
export interface RetryDecision {
  shouldRetry: boolean;
  delay?: Duration;
}

/** Decides on a failed attempt; `attemptsMade` counts attempts so far, the failed one included. */
export type RetryStrategy = (error: Error, attemptsMade: number) => RetryDecision;

export enum JitterStrategy {
  NONE = "NONE",
  FULL = "FULL",
  HALF = "HALF",
}

export interface RetryStrategyConfig {
  maxAttempts?: number;
  initialDelay?: Duration;
  maxDelay?: Duration;
  backoffRate?: number;
  jitter?: JitterStrategy;
  retryableErrors?: (string | RegExp)[];
  retryableErrorTypes?: (new (...args: any[]) => Error)[];
}

function isRetryable(error: Error, config: Pick<RetryStrategyConfig, "retryableErrors" | "retryableErrorTypes">): boolean {
  const patterns = config.retryableErrors;
  const types = config.retryableErrorTypes;
  // Filters apply only when given; with neither, every error is retryable.
  if (!patterns?.length && !types?.length) return true;
  const message = error?.message ?? "";
  if (patterns?.some((p) => (typeof p === "string" ? message.includes(p) : p.test(message)))) return true;
  return types?.some((t) => error instanceof t) ?? false;
}

/** Applies jitter: it replaces the delay, it is never added to it. */
export function applyJitter(base: number, jitter: JitterStrategy, random: () => number = Math.random): number {
  switch (jitter) {
    case JitterStrategy.FULL:
      return random() * base;
    case JitterStrategy.HALF:
      return base / 2 + (random() * base) / 2;
    default:
      return base;
  }
}

/**
 * Exponential backoff: `min(initial * rate^(n-1), max)`, jittered, rounded, at least 1 s.
 *
 * @example const strategy = createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE });
 */
export function createRetryStrategy(config: RetryStrategyConfig = {}): RetryStrategy {
  const maxAttempts = config.maxAttempts ?? 3;
  const initial = durationToSeconds(config.initialDelay ?? { seconds: 5 });
  const max = durationToSeconds(config.maxDelay ?? { minutes: 5 });
  const rate = config.backoffRate ?? 2;
  const jitter = config.jitter ?? JitterStrategy.FULL;
  return (error, attemptsMade) => {
    if (attemptsMade >= maxAttempts || !isRetryable(error, config)) return { shouldRetry: false };
    const base = Math.min(initial * rate ** (attemptsMade - 1), max);
    const seconds = Math.max(1, Math.round(applyJitter(base, jitter)));
    return { shouldRetry: true, delay: { seconds } };
  };
}

export interface LinearRetryStrategyConfig {
  maxAttempts?: number;
  initialDelay?: Duration;
  /** Added to the delay after each attempt. */
  increment?: Duration;
  maxDelay?: Duration;
  jitter?: JitterStrategy;
  retryableErrors?: (string | RegExp)[];
  retryableErrorTypes?: (new (...args: any[]) => Error)[];
}

/**
 * Linear backoff: `min(initial + increment*(n-1), max)`, jittered, rounded, at least 1 s.
 *
 * @example const strategy = createLinearRetryStrategy({ initialDelay: { seconds: 2 }, increment: { seconds: 2 } });
 */
export function createLinearRetryStrategy(config: LinearRetryStrategyConfig = {}): RetryStrategy {
  const maxAttempts = config.maxAttempts ?? 6;
  const initial = durationToSeconds(config.initialDelay ?? { seconds: 1 });
  const increment = durationToSeconds(config.increment ?? { seconds: 1 });
  const max = durationToSeconds(config.maxDelay ?? { minutes: 5 });
  const jitter = config.jitter ?? JitterStrategy.FULL;
  return (error, attemptsMade) => {
    if (attemptsMade >= maxAttempts || !isRetryable(error, config)) return { shouldRetry: false };
    const base = Math.min(initial + increment * (attemptsMade - 1), max);
    return { shouldRetry: true, delay: { seconds: Math.max(1, Math.round(applyJitter(base, jitter))) } };
  };
}

/** Ready-made strategies; `default` is what a step without `retryStrategy` uses. */
export const retryPresets = {
  default: createRetryStrategy({
    maxAttempts: 6,
    initialDelay: { seconds: 5 },
    maxDelay: { seconds: 60 },
    backoffRate: 2,
    jitter: JitterStrategy.FULL,
  }),
  noRetry: createRetryStrategy({ maxAttempts: 1 }),
  /** 1, 2, 3, 4, 5 seconds between six attempts. */
  linear: createLinearRetryStrategy({ maxAttempts: 6, initialDelay: { seconds: 1 }, increment: { seconds: 1 }, jitter: JitterStrategy.NONE }),
};

/** Whether to poll a condition again, and when. */
export type WaitForConditionDecision = { shouldContinue: true; delay: Duration } | { shouldContinue: false };

export interface WaitStrategyConfig<T> {
  /** True while the state says the condition is not met yet. */
  shouldContinuePolling: (state: T) => boolean;
  maxAttempts?: number;
  initialDelay?: Duration;
  maxDelay?: Duration;
  backoffRate?: number;
  jitter?: JitterStrategy;
}

/**
 * Polls with backoff until `shouldContinuePolling` is false; throws past `maxAttempts`, which
 * fails the waitForCondition operation.
 *
 * @example createWaitStrategy({ shouldContinuePolling: (s: { ready: boolean }) => !s.ready, initialDelay: { seconds: 10 } })
 */
export function createWaitStrategy<T>(config: WaitStrategyConfig<T>): (state: T, attemptsMade: number) => WaitForConditionDecision {
  const maxAttempts = config.maxAttempts ?? 60;
  const initial = durationToSeconds(config.initialDelay ?? { seconds: 5 });
  const max = durationToSeconds(config.maxDelay ?? { seconds: 300 });
  const rate = config.backoffRate ?? 1.5;
  const jitter = config.jitter ?? JitterStrategy.FULL;
  return (state, attemptsMade) => {
    if (!config.shouldContinuePolling(state)) return { shouldContinue: false };
    if (attemptsMade >= maxAttempts) throw new Error(`waitForCondition exceeded maximum attempts (${maxAttempts})`);
    const base = Math.min(initial * rate ** (attemptsMade - 1), max);
    return { shouldContinue: true, delay: { seconds: Math.max(1, Math.round(applyJitter(base, jitter))) } };
  };
}
