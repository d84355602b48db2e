/**
 * Time for a run on the engine's virtual clock: invocations run in real time (in sandboxes)
 * while the clock stands still, and the clock only moves when the runner sleeps or waits for
 * the end, firing the engine's timers (waits, retries, callback timeouts) one instant at a
 * time and letting the invocations they cause finish before moving on.
 */
import type { Engine, VirtualClock } from "@durable-lens/sdk/engine";

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

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

  /** Runs timers until `done()` holds; false if no timer is left first. */
  async runUntil(done: () => boolean): Promise<boolean> {
    for (;;) {
      await this.settle();
      if (done()) return true;
      const next = this.clock.nextTimerAt();
      if (next === undefined) return false;
      this.clock.advanceTo(next);
    }
  }
}
