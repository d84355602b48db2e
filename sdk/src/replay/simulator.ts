/**
 * The code replay simulator: re-runs a durable function's code on the sdk runtime against the
 * engine (memory store, virtual clock), seeded from a recorded history, and pauses at every
 * checkpoint the runtime sends. Step functions never run: each attempt is answered with its
 * recorded outcome, or by the user when the history has none. Waits, retries, callbacks and
 * chained invokes complete as the history says, in the order it says. Browser-safe.
 */
import { Engine, InProcessClient, MemoryStore, VirtualClock, VirtualTime, type FunctionInfo, type PendingTimer } from "../engine/index.js";
import { EVENT_KINDS, projectHistory, type EventPhase, type HistoryProjection, type OperationView } from "../history/index.js";
import {
  formatDurableExecutionArn,
  type CheckpointDurableExecutionRequest,
  type CheckpointDurableExecutionResponse,
  type DurableExecutionInvocationInput,
  type DurableExecutionInvocationOutput,
  type ErrorObject,
  type Event,
  type ExecutionStatus,
  type GetDurableExecutionStateRequest,
  type Operation,
  type OperationType,
  type OperationUpdate,
} from "../protocol/index.js";
import { DurableExecutionInvocationInputWithClient, type AttemptInfo, type DurableLambdaHandler } from "../runtime/index.js";
import { scheduleMacrotask } from "../runtime/schedule.js";
import { describeThrown, isOperationFailure, thrownByCode, type CodeError } from "./code-error.js";
import { checkAttemptDecision, checkContextOutcome, checkExecutionOutcome, checkNewOperation, checkRemoved, type Divergence } from "./divergence.js";
import { seedExecution } from "./seed-state.js";

/** How a step attempt, a chained invoke or a callback turns out when the user decides it. */
export type Outcome = { kind: "succeed"; payload?: string } | { kind: "fail"; error: ErrorObject };

/** One update of a checkpoint, with what the simulator found comparing it to the record. */
export interface UpdateView {
  update: OperationUpdate;
  /** True when the history has an operation at this id. */
  recorded: boolean;
  divergence?: Divergence;
}

/** One CheckpointDurableExecution call of the runtime, held until the user continues. */
export interface CheckpointView {
  /** 1-based, across the whole simulation. */
  number: number;
  /** 1-based invocation of the function it belongs to. */
  invocation: number;
  updates: UpdateView[];
}

/** An operation the code reached that the history holds no outcome for. */
export interface OutcomeRequest {
  operationId: string;
  type: OperationType;
  subType?: string;
  name?: string;
  attempt?: number;
  /** Why the user is asked: the code went past the record, or the record stops mid-operation. */
  reason: "beyond-record" | "no-recorded-outcome";
}

/** Something the execution waits on while no invocation runs. */
export interface PendingWork {
  operationId: string;
  type: OperationType;
  name?: string;
  kind: "wait" | "retry" | "callback" | "invoke";
  /** When its timer fires (virtual time, epoch ms). */
  atMs?: number;
  /** True when the history says how it ended (the simulator then ends it the same way). */
  recorded: boolean;
}

/** Where the simulation stopped; call {@link ReplaySimulator.next} to go on. */
export type SimulationPause =
  | { kind: "checkpoint"; checkpoint: CheckpointView }
  | { kind: "outcome-needed"; request: OutcomeRequest }
  /** Nothing left that the history can answer; the user may act (what-ifs) or stop. */
  | { kind: "idle"; pending: PendingWork[] }
  | { kind: "diverged"; divergence: Divergence }
  /** The code threw where the record goes on otherwise: an exception to fix, not a divergence. */
  | { kind: "crashed"; error: CodeError }
  /** `thrown`: the code's exception that ended it, when the record ended the same way. */
  | { kind: "ended"; status: ExecutionStatus; result?: string; error?: ErrorObject; thrown?: CodeError }
  | { kind: "error"; message: string };

/** A step attempt answered by a what-if rather than by the record. */
export interface AppliedWhatIf {
  operationId: string;
  name?: string;
  attempt: number;
  outcome: Outcome;
  /** How the record says this attempt turned out; undefined when it has no such attempt. */
  recorded?: { status: string; result?: string; error?: ErrorObject };
}

/** A line the workflow logged, with where it was. */
export interface LogLine {
  invocation: number;
  /** Checkpoints sent before the line was written. */
  afterCheckpoint: number;
  /** The virtual time the line was written at (epoch ms): the replay's, not the wall clock's. */
  atMs: number;
  level: string;
  text: string;
}

/** One run of the function in the simulation. */
export interface SimulatedInvocation {
  number: number;
  /** Operations recorded before it began: the runtime replays them from the log. */
  replayedIds: string[];
  /** Operations it checkpointed: run fresh (with outcomes from the record or from the user). */
  freshIds: string[];
  status?: DurableExecutionInvocationOutput["Status"];
}

/** Everything the UI shows of a simulation at a pause. */
export interface SimulationSnapshot {
  arn: string;
  /** The simulated history so far, as the engine wrote it. */
  events: Event[];
  invocations: SimulatedInvocation[];
  logs: LogLine[];
  divergences: Divergence[];
  /** The step attempts what-ifs answered, in the order they were. */
  whatIfs: AppliedWhatIf[];
  /** True once the user changed the course of the run: differences are noted, not stopped at. */
  whatIf: boolean;
  nowMs: number;
}

export interface SimulatorOptions {
  /** The recorded history: the outcomes to replay and what the code is checked against. */
  recording: readonly Event[];
  /** The function's Lambda handler, as `withDurableExecution` returns it. */
  handler: DurableLambdaHandler;
  functionName: string;
  /** The recorded execution's ARN; one is made up from the history when absent. */
  executionArn?: string;
  /** The state the engine starts from (default: the recording up to its ExecutionStarted). */
  seed?: readonly Event[];
  /** Starts as a what-if (a fork): differences from the record are noted, not stopped at. */
  whatIf?: boolean;
}


function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** The error a recorded failure is re-thrown as, keeping a built-in type where there is one. */
function errorFromRecord(o: ErrorObject | undefined): Error {
  const type = o?.ErrorType ?? "Error";
  const ctor = (globalThis as Record<string, unknown>)[type];
  const error = typeof ctor === "function" && (ctor as { prototype?: unknown }).prototype instanceof Error ? new (ctor as ErrorConstructor)(o?.ErrorMessage ?? "") : new Error(o?.ErrorMessage ?? "");
  error.name = type;
  if (o?.StackTrace?.length) error.stack = o.StackTrace.join("\n");
  return error;
}

function isTerminal(status: string): boolean {
  return status !== "STARTED" && status !== "PENDING" && status !== "READY";
}

/**
 * Replays one execution's code against its history, checkpoint by checkpoint.
 *
 * @example const sim = new ReplaySimulator({ recording: events, handler, functionName: "order-processor" }); let p = await sim.next();
 */
export class ReplaySimulator {
  readonly arn: string;
  private readonly recorded: HistoryProjection;
  private readonly byId: Map<string, OperationView>;
  private readonly recordedExecution?: OperationView;
  private readonly recordingEnded: boolean;
  private readonly store = new MemoryStore();
  private readonly clock: VirtualClock;
  private readonly engine: Engine;
  private readonly time: VirtualTime;
  private readonly visited = new Set<string>();
  private readonly invocations: SimulatedInvocation[] = [];
  private readonly logs: LogLine[] = [];
  private readonly divergences: Divergence[] = [];
  private readonly whatIfs: AppliedWhatIf[] = [];
  /** Errors the simulator made from outcomes and handed to the code: a failure passed on, not a crash. */
  private readonly handedOut = new WeakSet<object>();
  /** What each invocation's handler threw, by invocation number (see {@link noteThrown}). */
  private readonly thrown = new Map<number, unknown>();
  private crash?: CodeError;
  /** The recording's events of each operation, in EventId order, with their times. */
  private readonly recordedByOperation = new Map<string, { type: string; atMs?: number }[]>();
  /** Events of the simulated history by `id|EventType`, counted through EventId `indexedThrough`. */
  private readonly written = new Map<string, number>();
  private indexedThrough = 0;
  /** The last operation each invocation checkpointed, by invocation number. */
  private readonly lastOperation = new Map<number, NonNullable<CodeError["lastOperation"]>>();
  private readonly overrides = new Map<string, Outcome>();
  /** Step attempts (`id#attempt`) whose outcome the user gave: no record to check the decision after them against. */
  private readonly userDecided = new Set<string>();
  private whatIf: boolean;
  private checkpointCount = 0;
  private gate?: Promise<void>;
  private answer?: Outcome;

  private readonly queue: { pause: SimulationPause; resume: () => void }[] = [];
  private delivered = false;
  private waiter?: (p: SimulationPause) => void;
  private final?: SimulationPause;
  private started = false;

  constructor(private readonly options: SimulatorOptions) {
    this.recorded = projectHistory(options.recording);
    this.byId = new Map(this.recorded.operations.map((v) => [v.id, v]));
    this.recordedExecution = this.recorded.operations.find((v) => v.type === "EXECUTION");
    this.recordingEnded = this.recordedExecution !== undefined && isTerminal(this.recordedExecution.status);
    for (const e of [...options.recording].sort((a, b) => (a.EventId ?? 0) - (b.EventId ?? 0))) {
      if (e.Id === undefined || e.EventType === undefined) continue;
      const list = this.recordedByOperation.get(e.Id) ?? [];
      const atMs = e.EventTimestamp ? new Date(e.EventTimestamp).getTime() : NaN;
      list.push({ type: e.EventType, ...(Number.isFinite(atMs) && { atMs }) });
      this.recordedByOperation.set(e.Id, list);
    }
    this.whatIf = options.whatIf ?? false;
    const started = options.recording.find((e) => e.EventType === "ExecutionStarted");
    if (!started?.Id) throw new Error("The recorded history has no ExecutionStarted event; there is no execution to replay");
    this.arn =
      options.executionArn ??
      formatDurableExecutionArn({ partition: "aws", region: "us-east-1", accountId: "123456789012", functionName: options.functionName, version: "$LATEST", executionName: started.Name ?? started.Id, executionId: started.Id });
    this.clock = new VirtualClock((started.EventTimestamp ?? new Date(0)).getTime());
    this.engine = new Engine({
      store: this.store,
      clock: this.clock,
      resolveFunction: (name) => this.functionInfo(name),
      invoke: (fn, event, requestId) => this.invoke(fn, event, requestId),
      // A crashed simulated invocation is the user's to see, not to retry in a loop.
      maxInvocationFailures: 1,
    });
    this.time = new VirtualTime(this.engine, this.clock);
  }

  // ------------------------------------------------------------------ control

  /** Runs to the next pause (the first call starts the simulation). */
  next(): Promise<SimulationPause> {
    if (this.delivered) {
      const head = this.queue.shift()!;
      this.delivered = false;
      if (head.pause.kind === "outcome-needed" && !this.answer) {
        this.queue.unshift(head);
        this.delivered = true;
        return Promise.reject(new Error(`Say how operation ${head.pause.request.operationId} turns out first (provideOutcome)`));
      }
      head.resume();
    }
    if (!this.started) {
      this.started = true;
      void this.drive().catch((error: unknown) => this.finish({ kind: "error", message: error instanceof Error ? error.message : String(error) }));
    }
    if (this.final && this.queue.length === 0) return Promise.resolve(this.final);
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.deliver();
    });
  }

  /** Where the simulation waits now; undefined before the first `next()` answered. */
  get paused(): SimulationPause | undefined {
    return this.delivered ? this.queue[0]?.pause : this.final;
  }

  /** Answers an `outcome-needed` pause; `next()` then carries on with it. */
  provideOutcome(outcome: Outcome): void {
    this.answer = outcome;
  }

  /** What-if: the next attempt of step `operationId` turns out this way, whatever the record says. */
  overrideStep(operationId: string, outcome: Outcome): void {
    this.overrides.set(operationId, outcome);
    this.whatIf = true;
  }

  /** What-if (or the answer the record lacks): completes or fails a pending callback. */
  resolveCallback(operationId: string, outcome: Outcome): void {
    const op = this.store.getOperation(this.arn, operationId);
    const callbackId = op?.CallbackDetails?.CallbackId;
    if (op?.Type !== "CALLBACK" || op.Status !== "STARTED" || !callbackId) throw new Error(`Operation ${operationId} is not a pending callback`);
    if (this.hasRecordedEnd(op)) this.whatIf = true;
    if (outcome.kind === "succeed") this.engine.sendCallbackSuccess(callbackId, outcome.payload ?? "");
    else this.engine.sendCallbackFailure(callbackId, outcome.error);
  }

  /**
   * What-if: moves the virtual clock to the next timer (a wait's end, a retry's back-off, a
   * callback's timeout) or by `seconds`, firing what falls due.
   */
  advanceClock(seconds?: number): void {
    const timers = this.engine.pendingTimers().filter((t) => t.arn === this.arn);
    const target = seconds !== undefined ? this.clock.now() + seconds * 1000 : timers[0]?.atMs;
    if (target === undefined) throw new Error("No timer is pending: nothing to advance the clock to");
    for (const t of timers) if (t.atMs <= target && !this.timerRecorded(t)) this.whatIf = true;
    this.clock.advanceTo(target);
  }

  /** Everything the UI shows now. */
  snapshot(): SimulationSnapshot {
    return {
      arn: this.arn,
      // Nothing is seeded before the first `next()`.
      events: this.store.getExecution(this.arn) ? this.engine.allHistoryEvents(this.arn) : [],
      invocations: this.invocations.map((i) => ({ ...i, replayedIds: [...i.replayedIds], freshIds: [...i.freshIds] })),
      logs: [...this.logs],
      divergences: [...this.divergences],
      whatIfs: this.whatIfs.map((w) => ({ ...w })),
      whatIf: this.whatIf,
      nowMs: this.clock.now(),
    };
  }

  /** How many invocations of the function the simulation has run so far. */
  get invocationCount(): number {
    return this.invocations.length;
  }

  /**
   * Records a line the workflow logged (the host captures the console), at the virtual time. A
   * structured line's own `timestamp` (the runtime's logger stamps the wall clock) is set to it.
   */
  log(level: string, text: string): void {
    const atMs = this.clock.now();
    this.logs.push({ invocation: this.invocations.length, afterCheckpoint: this.checkpointCount, atMs, level, text: withVirtualTimestamp(text, atMs) });
  }

  /**
   * Hears what the running invocation's handler threw (see `reportingThrows`): the runtime keeps
   * only its type and message, the simulator shows its stack too.
   */
  noteThrown(error: unknown): void {
    this.thrown.set(this.invocations.length, error);
  }

  /** Stops every timer; pending promises are left to the garbage collector. */
  dispose(): void {
    this.engine.close();
  }

  // ------------------------------------------------------------------ pauses

  private deliver(): void {
    const head = this.queue[0];
    if (!head || this.delivered || !this.waiter) return;
    this.delivered = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter(head.pause);
  }

  private pause(pause: SimulationPause): Promise<void> {
    return new Promise((resume) => {
      this.queue.push({ pause, resume });
      this.deliver();
    });
  }

  /** A pause nothing resumes: the simulation is over. */
  private async finish(pause: SimulationPause): Promise<never> {
    this.final ??= pause;
    this.engine.close();
    await this.pause(pause);
    return never();
  }

  private async diverge(divergence: Divergence): Promise<void> {
    this.divergences.push(divergence);
    if (!this.whatIf) await this.finish({ kind: "diverged", divergence });
  }

  // ------------------------------------------------------------------ the run

  private async drive(): Promise<void> {
    const seed = this.options.seed ?? this.options.recording.filter((e) => e.EventType === "ExecutionStarted");
    const { operations } = seedExecution(this.store, seed, { arn: this.arn, functionName: this.options.functionName });
    for (const op of operations) if (op.Type !== "EXECUTION") this.visited.add(op.Id);
    this.engine.recover();
    if (!this.engine.busy) this.engine.resume(this.arn);
    for (;;) {
      await this.time.settle();
      const rec = this.store.getExecution(this.arn)!;
      if (rec.status !== "RUNNING") return this.ended(rec.status, rec.result, rec.error);
      if (this.applyNextRecorded()) continue;
      await this.pause({ kind: "idle", pending: this.pendingWork() });
    }
  }

  private async ended(status: ExecutionStatus, result: string | undefined, error: ErrorObject | undefined): Promise<void> {
    const differences: Divergence[] = [];
    if (this.recordedExecution) {
      const outcome = checkExecutionOutcome({ status, ...(result !== undefined && { result }), ...(error?.ErrorMessage !== undefined && { errorMessage: error.ErrorMessage }) }, this.recordedExecution);
      const removed = status === "SUCCEEDED" || status === "FAILED" ? checkRemoved(undefined, this.recorded.operations, this.visited) : undefined;
      for (const d of [removed, outcome]) if (d) differences.push(d);
    }
    // Unless the record ended the same way, it goes on where the code threw (or has not ended
    // yet): what differs, differs because of the exception.
    const endedAsRecorded = differences.length === 0 && this.recordedExecution?.status === status;
    if (this.crash && !endedAsRecorded) await this.finish({ kind: "crashed", error: this.crash });
    for (const d of differences) await this.diverge(d);
    await this.finish({ kind: "ended", status, ...(result !== undefined && { result }), ...(error && { error }), ...(this.crash && { thrown: this.crash }) });
  }

  /**
   * A child context that failed, where the record did not, with an exception of the code (not an
   * operation's failure passed on): the code threw in the context's function. The runtime sends
   * only its type and message.
   */
  private thrownInContext(view: UpdateView, inv: SimulatedInvocation): CodeError | undefined {
    const u = view.update;
    if (u.Type !== "CONTEXT" || u.Action !== "FAIL" || view.divergence?.kind !== "outcome" || isOperationFailure(u.Error)) return undefined;
    return {
      invocation: inv.number,
      afterCheckpoint: this.checkpointCount,
      lastOperation: { id: u.Id, type: u.Type, ...(u.Name !== undefined && { name: u.Name }) },
      errorType: u.Error?.ErrorType ?? "Error",
      message: u.Error?.ErrorMessage ?? "",
    };
  }

  /** Notes an exception of the code that ended invocation `inv`; an operation's failure passed on is none. */
  private noteCrash(inv: SimulatedInvocation, error: ErrorObject | undefined, thrownValue: { value: unknown } | undefined): void {
    const byCode = thrownValue ? thrownByCode(thrownValue.value, this.handedOut) : !isOperationFailure(error);
    if (!byCode) return;
    const described = thrownValue ? describeThrown(thrownValue.value) : { errorType: error?.ErrorType ?? "Error", message: error?.ErrorMessage ?? "" };
    const last = this.lastOperation.get(inv.number);
    this.crash = { invocation: inv.number, afterCheckpoint: this.checkpointCount, ...(last && { lastOperation: last }), ...described };
  }

  private functionInfo(name: string): FunctionInfo {
    return { functionName: name, functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, version: "$LATEST" };
  }

  private async invoke(_fn: FunctionInfo, event: DurableExecutionInvocationInput, requestId: string): Promise<DurableExecutionInvocationOutput> {
    if (event.DurableExecutionArn !== this.arn) return this.answerChainedInvoke(event.DurableExecutionArn);
    const inv: SimulatedInvocation = {
      number: this.invocations.length + 1,
      replayedIds: this.store.listOperations(this.arn).filter((op) => op.Type !== "EXECUTION").map((op) => op.Id),
      freshIds: [],
    };
    this.invocations.push(inv);
    const client = {
      getExecutionState: (p: GetDurableExecutionStateRequest) => new InProcessClient(this.engine).getExecutionState(p),
      checkpoint: (p: CheckpointDurableExecutionRequest) => this.checkpoint(p, inv),
    };
    const input = new DurableExecutionInvocationInputWithClient(event, client, (attempt) => this.standIn(attempt));
    let output: DurableExecutionInvocationOutput;
    try {
      output = await this.options.handler(input, { awsRequestId: requestId } as Parameters<DurableLambdaHandler>[1]);
    } catch (error) {
      // The Lambda handler itself threw: the engine fails the execution with it.
      this.noteCrash(inv, undefined, { value: error });
      throw error;
    }
    inv.status = output.Status;
    if (output.Status === "FAILED" && output.Error?.ErrorType === "NonDeterministicExecutionError") {
      // The runtime's own check of a replayed operation: the seeded state and the code disagree.
      const id = /\(id ([^)]+)\)/.exec(output.Error.ErrorMessage ?? "")?.[1] ?? "";
      await this.diverge({ kind: "type", operationId: id, message: output.Error.ErrorMessage ?? "Non-deterministic execution" });
    } else if (output.Status === "FAILED") {
      this.noteCrash(inv, output.Error, this.thrown.has(inv.number) ? { value: this.thrown.get(inv.number) } : undefined);
    }
    return output;
  }

  /** Holds each checkpoint until the user continues, after checking it against the record. */
  private async checkpoint(p: CheckpointDurableExecutionRequest, inv: SimulatedInvocation): Promise<CheckpointDurableExecutionResponse> {
    const updates = p.Updates ?? [];
    const client = new InProcessClient(this.engine);
    if (updates.length === 0) return client.checkpoint(p);
    const views = updates.map((u) => this.examine(u, inv));
    const number = ++this.checkpointCount;
    const last = updates.findLast((u) => u.Type !== "EXECUTION");
    if (last) this.lastOperation.set(inv.number, { id: last.Id, type: last.Type, ...(last.Name !== undefined && { name: last.Name }) });
    this.followRecordedTime(updates);
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    try {
      await this.pause({ kind: "checkpoint", checkpoint: { number, invocation: inv.number, updates: views } });
      const response = await client.checkpoint(p);
      // Applied first, so the divergent operation is in the simulated history to be pointed at;
      // the gate stays shut meanwhile, so no step outcome is asked for past a divergence.
      for (const v of views) {
        if (!v.divergence) continue;
        const crash = this.thrownInContext(v, inv);
        if (crash) {
          this.crash = crash;
          await this.finish({ kind: "crashed", error: crash });
        }
        await this.diverge(v.divergence);
      }
      return response;
    } finally {
      this.gate = undefined;
      open();
    }
  }

  private examine(u: OperationUpdate, inv: SimulatedInvocation): UpdateView {
    const recorded = this.byId.get(u.Id);
    const view: UpdateView = { update: u, recorded: recorded !== undefined };
    if (u.Type === "EXECUTION") return view;
    let divergence: Divergence | undefined;
    if (!this.visited.has(u.Id)) {
      this.visited.add(u.Id);
      divergence = checkNewOperation(u, recorded, this.recordingEnded);
    }
    if (!inv.freshIds.includes(u.Id)) inv.freshIds.push(u.Id);
    if (!divergence && recorded) {
      const attempt = (this.store.getOperation(this.arn, u.Id)?.StepDetails?.Attempt ?? 0) + 1;
      divergence =
        (this.userDecided.has(`${u.Id}#${attempt}`) ? undefined : checkAttemptDecision(u, recorded, recorded.attempts[attempt - 1])) ??
        checkContextOutcome(u, recorded) ??
        (u.Type === "CONTEXT" && u.Action !== "START" ? checkRemoved(u.Id, this.recorded.operations, this.visited) : undefined);
    }
    if (divergence) view.divergence = divergence;
    return view;
  }

  /** Stands in for a step attempt: the user's what-if, the recorded outcome, or the user's answer. */
  private async standIn(attempt: AttemptInfo): Promise<{ payload?: string }> {
    // The attempt's START goes out on the next macrotask; its outcome is decided only once the
    // user has seen (and let through) that checkpoint, so a what-if set there still applies.
    await new Promise<void>((resolve) => scheduleMacrotask(resolve));
    while (this.gate) await this.gate;
    const override = this.overrides.get(attempt.id);
    const recorded = this.byId.get(attempt.id);
    if (override) {
      this.overrides.delete(attempt.id);
      this.userDecided.add(`${attempt.id}#${attempt.attempt}`);
      const was = recorded?.attempts[attempt.attempt - 1];
      this.whatIfs.push({
        operationId: attempt.id,
        ...(attempt.name !== undefined && { name: attempt.name }),
        attempt: attempt.attempt,
        outcome: override,
        ...(was && { recorded: { status: was.status, ...(was.result !== undefined && { result: was.result }), ...(was.error && { error: was.error }) } }),
      });
      return this.apply(override);
    }
    const sameOperation = recorded && recorded.type === attempt.type && recorded.name === attempt.name;
    const outcome = sameOperation ? recorded.attempts[attempt.attempt - 1] : undefined;
    if (outcome && outcome.status !== "STARTED") {
      if (outcome.status === "SUCCEEDED") return outcome.result !== undefined ? { payload: outcome.result } : {};
      throw this.handOut(errorFromRecord(outcome.error));
    }
    const answer = await this.ask({
      operationId: attempt.id,
      type: attempt.type as OperationType,
      ...(attempt.subType !== undefined && { subType: attempt.subType }),
      ...(attempt.name !== undefined && { name: attempt.name }),
      attempt: attempt.attempt,
      reason: sameOperation ? "no-recorded-outcome" : "beyond-record",
    });
    this.userDecided.add(`${attempt.id}#${attempt.attempt}`);
    return this.apply(answer);
  }

  /** Marks an error made from an outcome, so the code passing it on is not taken for a crash. */
  private handOut(error: Error): Error {
    this.handedOut.add(error);
    return error;
  }

  private apply(outcome: Outcome): { payload?: string } {
    if (outcome.kind === "fail") throw this.handOut(errorFromRecord(outcome.error));
    return outcome.payload !== undefined ? { payload: outcome.payload } : {};
  }

  private async ask(request: OutcomeRequest): Promise<Outcome> {
    this.answer = undefined;
    await this.pause({ kind: "outcome-needed", request });
    const answer = this.answer!;
    this.answer = undefined;
    return answer;
  }

  /** An invoked function's run: the recorded outcome of the chained invoke, or the user's. */
  private async answerChainedInvoke(childArn: string): Promise<DurableExecutionInvocationOutput> {
    const opId = this.store.getExecution(childArn)?.parent?.opId ?? "";
    const op = this.store.getOperation(this.arn, opId);
    const recorded = this.byId.get(opId);
    const ended = recorded && recorded.type === "CHAINED_INVOKE" && isTerminal(recorded.status) ? recorded : undefined;
    const outcome: Outcome = ended
      ? ended.status === "SUCCEEDED"
        ? { kind: "succeed", ...(ended.result !== undefined && { payload: ended.result }) }
        : { kind: "fail", error: ended.error ?? { ErrorType: ended.status, ErrorMessage: `The invoked execution ended ${ended.status}` } }
      : await this.ask({ operationId: opId, type: "CHAINED_INVOKE", ...(op?.Name !== undefined && { name: op.Name }), reason: recorded ? "no-recorded-outcome" : "beyond-record" });
    return outcome.kind === "succeed" ? { Status: "SUCCEEDED", ...(outcome.payload !== undefined && { Result: outcome.payload }) } : { Status: "FAILED", Error: outcome.error };
  }

  // ------------------------------------------------------------------ between invocations

  private recordedView(op: Operation): OperationView | undefined {
    const v = this.byId.get(op.Id);
    return v && v.type === op.Type && v.name === op.Name ? v : undefined;
  }

  /** Whether the history says how this open operation ended (or, for a step, that it tried again). */
  private hasRecordedEnd(op: Operation): boolean {
    const v = this.recordedView(op);
    if (!v) return false;
    if (op.Type === "STEP") return v.attempts.length > (op.StepDetails?.Attempt ?? 0);
    return isTerminal(v.status);
  }

  private timerRecorded(t: PendingTimer): boolean {
    if (t.kind === "execution-timeout") return this.recordedExecution?.status === "TIMED_OUT";
    const op = this.store.getOperation(this.arn, t.opId);
    if (!op) return false;
    if (t.kind === "callback-timeout" || t.kind === "callback-heartbeat") return this.recordedView(op)?.status === "TIMED_OUT";
    return this.hasRecordedEnd(op);
  }

  /**
   * Ends the earliest open operation the history has an outcome for, as the service did: by
   * moving the clock to its timer, or by answering its callback at the recorded time.
   */
  private applyNextRecorded(): boolean {
    type Candidate = { atMs: number; run: () => void };
    const candidates: Candidate[] = [];
    for (const t of this.engine.pendingTimers()) {
      if (t.arn === this.arn && this.timerRecorded(t)) candidates.push({ atMs: t.atMs, run: () => this.clock.advanceTo(t.atMs) });
    }
    for (const op of this.store.listOperations(this.arn)) {
      if (op.Type !== "CALLBACK" || op.Status !== "STARTED") continue;
      const v = this.recordedView(op);
      if (!v || (v.status !== "SUCCEEDED" && v.status !== "FAILED")) continue;
      const atMs = Math.max(this.clock.now(), v.endedAt?.getTime() ?? 0);
      const callbackId = op.CallbackDetails!.CallbackId!;
      candidates.push({
        atMs,
        run: () => {
          this.clock.advanceTo(atMs);
          if (v.status === "SUCCEEDED") this.engine.sendCallbackSuccess(callbackId, v.result ?? "");
          else this.engine.sendCallbackFailure(callbackId, v.error ?? {});
        },
      });
    }
    if (this.recordedExecution?.status === "STOPPED") {
      const atMs = Math.max(this.clock.now(), this.recordedExecution.endedAt?.getTime() ?? 0);
      candidates.push({ atMs, run: () => (this.clock.advanceTo(atMs), this.engine.stopExecution({ DurableExecutionArn: this.arn, Error: this.recordedExecution?.error ?? {} })) });
    }
    const next = candidates.sort((a, b) => a.atMs - b.atMs)[0];
    next?.run();
    return next !== undefined;
  }

  private pendingWork(): PendingWork[] {
    const timers = this.engine.pendingTimers();
    const timerOf = (opId: string) => timers.find((t) => t.arn === this.arn && t.opId === opId)?.atMs;
    const work: PendingWork[] = [];
    for (const op of this.store.listOperations(this.arn)) {
      const kind = op.Type === "WAIT" && op.Status === "STARTED" ? "wait" : op.Type === "STEP" && op.Status === "PENDING" ? "retry" : op.Type === "CALLBACK" && op.Status === "STARTED" ? "callback" : op.Type === "CHAINED_INVOKE" && op.Status === "STARTED" ? "invoke" : undefined;
      if (!kind) continue;
      const atMs = timerOf(op.Id);
      work.push({ operationId: op.Id, type: op.Type, ...(op.Name !== undefined && { name: op.Name }), kind, ...(atMs !== undefined && { atMs }), recorded: this.hasRecordedEnd(op) });
    }
    return work;
  }

  /**
   * Moves the virtual clock to when the record wrote what this checkpoint writes, so the simulated
   * history keeps the recorded times (and checkpoints: see historyCheckpoints) and the log its
   * virtual time. Never back, and never onto a timer the record does not say fired.
   */
  private followRecordedTime(updates: readonly OperationUpdate[]): void {
    const times = updates.flatMap((u) => {
      const t = this.recordedEventTime(u);
      return t === undefined ? [] : [t];
    });
    if (times.length === 0) return;
    const unrecorded = this.engine.pendingTimers().filter((t) => t.arn === this.arn && !this.timerRecorded(t)).map((t) => t.atMs);
    const target = Math.min(Math.min(...times), ...unrecorded.map((at) => at - 1));
    if (target > this.clock.now()) this.clock.advanceTo(target);
  }

  /** The time of the recorded event this update writes again (the n-th of its kind for its operation), if the record has it. */
  private recordedEventTime(u: OperationUpdate): number | undefined {
    const phases = UPDATE_PHASES[u.Action];
    if (!phases) return undefined;
    const types = new Set(Object.entries(EVENT_KINDS).filter(([, k]) => k.type === u.Type && phases.includes(k.phase)).map(([type]) => type));
    const written = [...types].reduce((n, type) => n + (this.writtenCount(`${u.Id}|${type}`) ?? 0), 0);
    return this.recordedByOperation.get(u.Id)?.filter((e) => types.has(e.type))[written]?.atMs;
  }

  /** How many events of an `id|EventType` the simulated history has, reading only what is new since the last call. */
  private writtenCount(key: string): number | undefined {
    if (this.store.getExecution(this.arn)) {
      for (;;) {
        const page = this.store.listEvents(this.arn, { reverse: false, afterEventId: this.indexedThrough, limit: 1000 });
        for (const e of page) {
          const k = `${e.Id}|${e.EventType}`;
          this.written.set(k, (this.written.get(k) ?? 0) + 1);
          this.indexedThrough = e.EventId ?? this.indexedThrough;
        }
        if (page.length < 1000) break;
      }
    }
    return this.written.get(key);
  }
}

/** The event phases an update's action writes. */
const UPDATE_PHASES: Readonly<Record<string, readonly EventPhase[]>> = {
  START: ["started"],
  SUCCEED: ["succeeded"],
  FAIL: ["failed"],
  RETRY: ["failed", "succeeded"],
  CANCEL: ["cancelled"],
};

/** A structured log line (a JSON object with a `timestamp`) with that timestamp set to `atMs`; any other line as it is. */
function withVirtualTimestamp(text: string, atMs: number): string {
  if (!text.startsWith("{")) return text;
  try {
    const line = JSON.parse(text) as unknown;
    if (typeof line !== "object" || line === null || Array.isArray(line) || !("timestamp" in line)) return text;
    return JSON.stringify({ ...line, timestamp: new Date(atMs).toISOString() });
  } catch {
    return text;
  }
}

