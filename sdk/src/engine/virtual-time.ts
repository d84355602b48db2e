/**
 * Time for a run on the engine's virtual clock: invocations run in real time while the clock
 * stands still, and the clock only moves when told to, firing the engine's timers (waits,
 * retries, callback timeouts) one instant at a time and letting the invocations they cause
 * finish before moving on. Shared by the conformance runner, the test runner and tests.
 */
import type { VirtualClock } from "./clock.js";
import type { Engine } from "./engine.js";

/** One turn of the event loop: invocations woken by a finished one are queued by then. */
function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  return new Promise<void>((resolve) => (typeof g.setImmediate === "function" ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Drives an engine whose clock is a {@link VirtualClock}.
 *
 * @example const time = new VirtualTime(engine, clock); await time.runUntil(() => ended(arn));
 */
export class VirtualTime {
  constructor(
    private readonly engine: Engine,
    private readonly clock: VirtualClock,
  ) {}

  now(): number {
    return this.clock.now();
  }

  /** Resolves once no invocation runs or is queued. */
  async settle(): Promise<void> {
    for (;;) {
      await this.engine.idle();
      // Wakes scheduled as microtasks or by finished invocations show up after a turn.
      await macrotask();
      if (!this.engine.busy) return;
    }
  }

  /** Lets `seconds` of virtual time pass, with everything that happens in them. */
  async sleep(seconds: number): Promise<void> {
    const target = this.clock.now() + seconds * 1000;
    await this.settle();
    for (;;) {
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.clock.advanceTo(next);
      await this.settle();
    }
    this.clock.advanceTo(target);
  }

  /** Runs timers until `done()` holds; false if no timer is left first, or after `maxTimers` instants. */
  async runUntil(done: () => boolean, maxTimers = Infinity): Promise<boolean> {
    for (let fired = 0; ; fired++) {
      await this.settle();
      if (done()) return true;
      const next = this.clock.nextTimerAt();
      if (next === undefined || fired >= maxTimers) return false;
      this.clock.advanceTo(next);
    }
  }
}
