import { VirtualTime, type Engine, type Store, type TimerKind, type VirtualClock } from "../engine/index.js";
import type { InvocationClock } from "../runtime/index.js";
import type { TimeDriver } from "./time-driver.js";

/**
 * Timers that end something early unless the outside world acts first. While a callback is
 * open the test may still answer it, so these fire in real time; everything else is skipped.
 */
const DEADLINES: ReadonlySet<TimerKind> = new Set(["callback-timeout", "callback-heartbeat", "execution-timeout"]);

// setTimeout fires at once past 2^31-1 ms; a longer deadline is approached in hops.
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Skipped time on the engine's virtual clock. Invocations run in real time while the clock
 * stands still; when none runs, the clock jumps to the next timer (a wait's end, a retry, a
 * wait-for-condition poll), so days pass in milliseconds and every event still carries the
 * time Lambda would have written. Callback answers from the test are applied between
 * invocations, as inputs at that instant, so the same test writes the same history every run.
 * While a callback is open, its timeouts and the execution's run in real time instead:
 * the test has that long to answer, as it would against Lambda.
 *
 * @example const time = new SkippedTime(engine, clock, store); await time.runUntilEnded(arn);
 */
export class SkippedTime implements TimeDriver {
  private readonly time: VirtualTime;
  private readonly inputs: (() => void)[] = [];
  private inputArrived: (() => void) | undefined;
  private ended = false;

  constructor(
    private readonly engine: Engine,
    private readonly clock: VirtualClock,
    private readonly store: Store,
  ) {
    this.time = new VirtualTime(engine, clock);
  }

  input<T>(apply: () => T): Promise<T> {
    if (this.ended) return new Promise((resolve) => resolve(apply()));
    return new Promise<T>((resolve, reject) => {
      this.inputs.push(() => {
        try {
          resolve(apply());
        } catch (e) {
          reject(e);
        }
      });
      this.inputArrived?.();
    });
  }

  async runUntilEnded(arn: string): Promise<void> {
    const ended = () => this.engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING";
    try {
      for (;;) {
        await this.time.settle();
        if (this.inputs.length > 0) {
          for (const apply of this.inputs.splice(0)) apply();
          continue;
        }
        if (ended()) return;
        const next = this.engine.pendingTimers()[0];
        if (next && !(DEADLINES.has(next.kind) && this.callbackOpen())) this.clock.advanceTo(next.atMs);
        else await this.pace(next?.atMs);
      }
    } finally {
      this.ended = true;
      // Answers sent too late meet an ended execution, and fail as they would on Lambda.
      for (const apply of this.inputs.splice(0)) apply();
    }
  }

  /**
   * The clock invocations poll by: virtual time. A running invocation that sleeps towards a
   * known end (a wait's end next to a running step, a retry's next attempt) gets there at
   * once: the clock moves to it, firing the engine's timers on the way, so the service change
   * is there for its poll, in the same invocation, as under the official runner's skipped
   * time. An open callback's deadline still runs in real time: the clock never jumps it.
   */
  invocationClock(): InvocationClock {
    return {
      now: () => this.clock.now(),
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          const at = this.clock.now() + ms;
          this.clock.setTimer(at, resolve);
          // After the caller's turn, so what it does next (a checkpoint) is underway first.
          setImmediate(() => this.skipTo(at));
        }),
    };
  }

  /**
   * A running invocation polls (an empty checkpoint): it is waiting on the service and cannot
   * suspend, so under skipped time what it waits for next (the earliest wait end or retry)
   * arrives now, before the poll is answered. This is how a handler built with the official
   * SDK, which polls on its own timers rather than on {@link invocationClock}, still sees a
   * wait end while abandoned map items keep its invocation alive.
   */
  polled(): void {
    const next = this.engine.pendingTimers().find((t) => t.kind === "wait-end" || t.kind === "retry-ready");
    if (next) this.skipTo(next.atMs);
  }

  private skipTo(at: number): void {
    if (this.ended || this.clock.now() > at) return;
    const open = this.callbackOpen();
    if (this.engine.pendingTimers().some((t) => t.atMs <= at && DEADLINES.has(t.kind) && open)) return;
    this.clock.advanceTo(at);
  }

  private callbackOpen(): boolean {
    return this.store.listRunningExecutions().some((rec) => this.store.listOperations(rec.arn).some((op) => op.Type === "CALLBACK" && op.Status === "STARTED"));
  }

  /**
   * Lets the clock run at real speed towards `deadline` until it is reached or an input
   * arrives; the input then applies at the virtual time that has passed by then.
   */
  private async pace(deadline: number | undefined): Promise<void> {
    const realStart = performance.now();
    const virtualStart = this.clock.now();
    const wanted = deadline === undefined ? undefined : Math.max(0, deadline - virtualStart);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reached = await new Promise<boolean>((resolve) => {
      this.inputArrived = () => resolve(false);
      if (wanted !== undefined) {
        const delay = Math.min(wanted, MAX_TIMEOUT_MS);
        timer = setTimeout(() => resolve(delay === wanted), delay);
      }
    });
    clearTimeout(timer);
    this.inputArrived = undefined;
    const passed = Math.floor(performance.now() - realStart);
    this.clock.advanceTo(reached ? deadline! : Math.min(virtualStart + passed, deadline ?? Infinity));
  }
}
