/** A cancellable timer handle. */
export interface TimerHandle {
  cancel(): void;
}

/** The engine's only source of time: real in the local service, virtual in tests and the simulator. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` at `atMs` (or soon, if that is past). */
  setTimer(atMs: number, fn: () => void): TimerHandle;
}

// setTimeout overflows past 2^31-1 ms (~24.8 days); long timers re-arm in hops.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Wall-clock time and `setTimeout`. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(atMs: number, fn: () => void): TimerHandle {
    let handle: ReturnType<typeof setTimeout>;
    let cancelled = false;
    const arm = () => {
      const delay = atMs - Date.now();
      if (delay > MAX_TIMEOUT_MS) handle = setTimeout(arm, MAX_TIMEOUT_MS);
      else handle = setTimeout(() => !cancelled && fn(), Math.max(0, delay));
      // A pending durable timer must not keep a Node process alive on its own.
      (handle as { unref?: () => void }).unref?.();
    };
    arm();
    return {
      cancel: () => {
        cancelled = true;
        clearTimeout(handle);
      },
    };
  }
}

interface VirtualTimer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * Time that moves only when told to: waits of days complete instantly and deterministically.
 *
 * @example const clock = new VirtualClock(0); clock.setTimer(5000, done); clock.advance(5000);
 */
export class VirtualClock implements Clock {
  private timers: VirtualTimer[] = [];
  private seq = 0;

  constructor(private current: number = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  setTimer(atMs: number, fn: () => void): TimerHandle {
    const timer: VirtualTimer = { at: atMs, seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return { cancel: () => void (timer.cancelled = true) };
  }

  /** When the next live timer fires, if any. */
  nextTimerAt(): number | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    return this.timers[0]?.at;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** Moves time to `target` (never backwards), firing due timers in order. */
  advanceTo(target: number): void {
    for (;;) {
      const next = this.nextTimerAt();
      if (next === undefined || next > target) break;
      const timer = this.timers.shift()!;
      this.current = Math.max(this.current, timer.at);
      timer.fn();
    }
    this.current = Math.max(this.current, target);
  }

  /** Fires the earliest timer, moving time to it. Returns false when none is left. */
  fireNext(): boolean {
    const next = this.nextTimerAt();
    if (next === undefined) return false;
    this.advanceTo(next);
    return true;
  }
}
