/**
 * The time an invocation polls by. On Lambda (and in real-time runs) it is the wall clock. A
 * test runner that skips time hands the invocation its virtual clock instead, so a poll for a
 * known end (a wait's end, a retry's next attempt) lasts no real time: the runner moves its
 * clock to that end at once, and the invocation sees the service change there, as the
 * official runner's skipped time lets it.
 */
export interface InvocationClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves once `ms` have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

/**
 * The wall clock; its sleeps never keep a Node process alive on their own.
 *
 * @example await realInvocationClock.sleep(1000)
 */
export const realInvocationClock: InvocationClock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms) as unknown as { unref?: () => void };
      timer.unref?.();
    }),
};
