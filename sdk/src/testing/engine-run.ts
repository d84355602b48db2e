import { Engine, InProcessClient, RealClock, VirtualClock } from "../engine/index.js";
import type { ErrorObject, Event } from "../protocol/index.js";
import type { DurableExecutionClient, InvocationClock } from "../runtime/index.js";
import type { FunctionTable } from "./function-table.js";
import { ObservedStore } from "./observed-store.js";
import { RealTime } from "./real-time.js";
import { SkippedTime } from "./skip-time.js";
import type { ExecutionOutcome } from "./test-result.js";
import type { TimeDriver } from "./time-driver.js";

export interface EngineRunOptions {
  functions: FunctionTable;
  skipTime: boolean;
  /** Real milliseconds every checkpoint and state call takes, to shake out races. */
  checkpointDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One turn of the event loop. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The engine's client for the handlers, slowed down when asked to. Even at no delay a call
 * answers a turn of the event loop later, as a call to the service (or to the official
 * runner's checkpoint server) always does: code the handler runs meanwhile (a map item that is
 * about to fail) gets there before the answer, as it would against Lambda.
 */
function handlerClient(engine: Engine, delayMs: number, polled: () => void): DurableExecutionClient {
  const client = new InProcessClient(engine);
  const wait = () => (delayMs > 0 ? sleep(delayMs) : turn());
  return {
    getExecutionState: async (params) => {
      const answer = await client.getExecutionState(params);
      await wait();
      return answer;
    },
    checkpoint: async (params) => {
      if (!params.Updates?.length) polled();
      const answer = await client.checkpoint(params);
      await wait();
      return answer;
    },
  };
}

/**
 * One run of a test: a fresh engine in this process (memory store, virtual or real clock) that
 * invokes the handler under test and its chained-invoke targets directly, and writes the history
 * Lambda would write.
 *
 * @example const run = new EngineRun({ functions, skipTime: true }); const arn = run.start("fn", "{}"); await run.finish(arn);
 */
export class EngineRun {
  readonly store = new ObservedStore();
  readonly engine: Engine;
  private readonly time: TimeDriver;

  constructor(options: EngineRunOptions) {
    const clock = options.skipTime ? new VirtualClock(Date.now()) : new RealClock();
    let client!: DurableExecutionClient;
    let invocationClock: InvocationClock | undefined;
    this.engine = new Engine({
      store: this.store,
      clock,
      resolveFunction: (name, qualifier) => options.functions.resolve(name, qualifier),
      invoke: (fn, event, requestId) => options.functions.invoke(fn, event, requestId, client, invocationClock),
    });
    let skipped: SkippedTime | undefined;
    if (clock instanceof VirtualClock) {
      skipped = new SkippedTime(this.engine, clock, this.store);
      invocationClock = skipped.invocationClock();
      this.time = skipped;
    } else {
      this.time = new RealTime(this.engine);
    }
    client = handlerClient(this.engine, options.checkpointDelayMs ?? 0, () => skipped?.polled());
  }

  /** Starts an execution of `functionName` with a JSON `payload`; returns its ARN. */
  start(functionName: string, payload: string): string {
    return this.engine.startExecution({ functionName, payload }).arn;
  }

  /** Runs the execution to its end. */
  async finish(arn: string): Promise<ExecutionOutcome> {
    await this.time.runUntilEnded(arn);
    const done = this.engine.getExecution({ DurableExecutionArn: arn });
    return { status: done.Status, ...(done.Result !== undefined && { result: done.Result }), ...(done.Error && { error: done.Error }) };
  }

  /** Every event of the execution's history, in order. */
  history(arn: string): Event[] {
    return this.engine.allHistoryEvents(arn);
  }

  sendCallbackSuccess(callbackId: string, result: string | undefined): Promise<Record<string, never>> {
    return this.time.input(() => (this.engine.sendCallbackSuccess(callbackId, result), {}));
  }

  sendCallbackFailure(callbackId: string, error: ErrorObject | undefined): Promise<Record<string, never>> {
    return this.time.input(() => (this.engine.sendCallbackFailure(callbackId, error ?? {}), {}));
  }

  sendCallbackHeartbeat(callbackId: string): Promise<Record<string, never>> {
    return this.time.input(() => (this.engine.sendCallbackHeartbeat(callbackId), {}));
  }

  /** Cancels the engine's timers; nothing runs after the execution ended anyway. */
  close(): void {
    this.engine.close();
  }
}
