import {
  DURABLE_EXECUTION_NAME,
  INVALID_CHECKPOINT_TOKEN,
  Limits,
  utf8Length,
  ServiceError,
  formatDurableExecutionArn,
  toEventJson,
  type CheckpointDurableExecutionRequest,
  type CheckpointDurableExecutionResponse,
  type DurableConfig,
  type DurableExecutionInvocationInput,
  type DurableExecutionInvocationOutput,
  type ErrorObject,
  type Event,
  type ExecutionStatus,
  type GetDurableExecutionHistoryRequest,
  type GetDurableExecutionHistoryResponse,
  type GetDurableExecutionRequest,
  type GetDurableExecutionResponse,
  type GetDurableExecutionStateRequest,
  type GetDurableExecutionStateResponse,
  type ListDurableExecutionsByFunctionRequest,
  type ListDurableExecutionsByFunctionResponse,
  type Operation,
  type StopDurableExecutionRequest,
  type StopDurableExecutionResponse,
} from "../protocol/index.js";
import { applyUpdate, completeCallback, completeChainedInvoke, validateUpdateShape, waitSucceeded } from "./apply-update.js";
import type { Clock, TimerHandle } from "./clock.js";
import { initialStatePage, visibleOperations } from "./invocation-state.js";
import type { CallbackTimers, ExecutionRecord, Store } from "./store.js";
import { decodeMarker, encodeMarker, randomBase64 } from "./tokens.js";

/** A function the engine can start executions of. */
export interface FunctionInfo {
  functionName: string;
  /** Unqualified function ARN. */
  functionArn: string;
  version: string;
  durableConfig?: DurableConfig;
}

/** Runs one invocation of a durable function and returns what its handler returned. */
export type Invoker = (
  fn: FunctionInfo,
  event: DurableExecutionInvocationInput,
  requestId: string,
) => Promise<DurableExecutionInvocationOutput>;

export interface EngineOptions {
  store: Store;
  clock: Clock;
  /** Looks a function up by name (with optional qualifier); undefined when it does not exist. */
  resolveFunction: (name: string, qualifier?: string) => FunctionInfo | undefined;
  invoke: Invoker;
  region?: string;
  accountId?: string;
  /** Delay before retrying a failed invocation, by attempt; Lambda retries with back-off. */
  invocationRetryDelayMs?: (failures: number) => number;
  /** Failed invocations in a row after which the execution fails. */
  maxInvocationFailures?: number;
}

export interface StartExecutionRequest {
  functionName: string;
  qualifier?: string;
  name?: string;
  payload?: string;
}

export interface StartExecutionResult {
  arn: string;
  /** False when a same-named execution with the same input already existed. */
  created: boolean;
}

const DEFAULT_EXECUTION_TIMEOUT_SECONDS = 86_400;
/** Lambda keeps an ended execution this long unless the function says otherwise (1-90). */
const DEFAULT_RETENTION_DAYS = 14;
const DAY_MS = 86_400_000;
/** How soon the engine tries again what its store could not record (a full disk). */
const STORE_RETRY_MS = 1000;

/** A store that cannot write throws Lambda's ServiceException (see {@link Store}); the work is then retried. */
const isStoreFailure = (e: unknown) => e instanceof ServiceError && e.code === "ServiceException";

/** What an engine timer does when it fires. */
export type TimerKind = "wait-end" | "retry-ready" | "execution-timeout" | "reinvoke" | "callback-timeout" | "callback-heartbeat";
interface TimerSpec {
  atMs: number;
  kind: TimerKind;
  opId: string;
}

/** A timer the engine has armed: when it fires, what it does, and for which execution and operation ("" for none). */
export interface PendingTimer extends TimerSpec {
  arn: string;
}

/**
 * Callback ids carry the execution and operation they belong to, so a callback API call finds
 * its operation without an index; a random part makes them unguessable, and the engine checks
 * the id against the one it stored, so a forged id finds nothing.
 */
export function newCallbackId(arn: string, opId: string): string {
  return btoa(JSON.stringify({ a: arn, o: opId, n: randomBase64(12) }));
}

function readCallbackId(callbackId: string): { arn: string; opId: string } | undefined {
  if (typeof callbackId !== "string" || callbackId.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(callbackId)) return undefined;
  const v = decodeMarker(callbackId, (x): x is { a: string; o: string } => typeof (x as { a?: unknown })?.a === "string" && typeof (x as { o?: unknown })?.o === "string");
  return v && { arn: v.a, opId: v.o };
}

// Markers come back from callers, so a forged one (a negative or fractional position) is refused, not obeyed.
const isPosition = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isSeqCursor = (v: unknown): v is { s: number } => isPosition((v as { s?: unknown })?.s);
const isEventCursor = (v: unknown): v is { e: number } => isPosition((v as { e?: unknown })?.e);

function invalid(message: string): never {
  throw new ServiceError("InvalidParameterValueException", message);
}

/** The cursor inside a marker this service issued, or Lambda's error for any other string. */
function readMarker<T>(marker: string | undefined, isValid: (v: unknown) => v is T): T | undefined {
  if (!marker) return undefined;
  return decodeMarker(marker, isValid) ?? invalid("Marker is not a marker this service returned");
}

function pageSize(maxItems: number | undefined): number {
  if (maxItems === undefined || maxItems === 0) return Limits.DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(maxItems) || maxItems < 0 || maxItems > Limits.MAX_ITEMS) invalid(`MaxItems must be an integer from 0 to ${Limits.MAX_ITEMS}`);
  return maxItems;
}

/**
 * The service side of durable executions: starts them, invokes the function, applies its
 * checkpoints, writes history exactly as Lambda does, runs timers and re-invokes when
 * something the execution waits on completes. Storage and time are injected, so the same
 * engine backs the local service (SQLite, real clock) and the simulator (memory, virtual clock).
 *
 * @example const engine = new Engine({ store: new MemoryStore(), clock: new VirtualClock(), resolveFunction, invoke });
 */
export class Engine {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly timers = new Map<string, { handle: TimerHandle; timer: PendingTimer }>();
  /** Earliest retention deadline of an ended execution (Infinity when none is known). */
  private nextExpiryMs = Infinity;
  private readonly running = new Map<string, Promise<void>>();
  /** Executions woken while an invocation ran (the in-memory twin of `wakePending`). */
  private readonly wakeAgain = new Set<string>();
  private readonly settleWaiters = new Map<string, (() => void)[]>();
  /** Chained-invoke targets waiting for their parent's invocation to end, by parent ARN. */
  private readonly deferredLaunches = new Map<string, string[]>();
  private readonly region: string;
  private readonly accountId: string;

  constructor(private readonly options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.region = options.region ?? "us-east-1";
    this.accountId = options.accountId ?? "123456789012";
  }

  // ---------------------------------------------------------------- executions

  /** Starts a durable execution (Invoke) and its first invocation. */
  startExecution(req: StartExecutionRequest): StartExecutionResult {
    this.deleteExpired();
    const fn = this.options.resolveFunction(req.functionName, req.qualifier);
    if (!fn) throw new ServiceError("ResourceNotFoundException", `Function not found: ${req.functionName}`);
    if (req.name !== undefined && !DURABLE_EXECUTION_NAME.test(req.name)) {
      invalid(`DurableExecutionName must be 1-64 characters of [a-zA-Z0-9-_], got ${JSON.stringify(req.name)}`);
    }
    if (req.payload !== undefined && req.payload.length > Limits.OPERATION_PAYLOAD_BYTES) {
      throw new ServiceError("RequestTooLargeException", `Payload exceeds ${Limits.OPERATION_PAYLOAD_BYTES} bytes`);
    }
    const result = this.store.transaction((): StartExecutionResult => {
      if (req.name !== undefined) {
        const existing = this.store.findExecutionByName(fn.functionName, req.name);
        if (existing) {
          if ((existing.inputPayload ?? "") !== (req.payload ?? "")) {
            throw new ServiceError(
              "DurableExecutionAlreadyStartedException",
              `Execution ${req.name} already started with different input`,
            );
          }
          return { arn: existing.arn, created: false };
        }
      }
      return { arn: this.createExecution(fn, req.name, req.payload), created: true };
    });
    if (result.created) this.launch(result.arn);
    return result;
  }

  /** Records a new execution and its ExecutionStarted event; call inside a transaction, then {@link launch}. */
  private createExecution(fn: FunctionInfo, name: string | undefined, payload: string | undefined, parent?: ExecutionRecord["parent"]): string {
    const executionId = crypto.randomUUID();
    const executionName = name ?? executionId;
    const arn = formatDurableExecutionArn({
      partition: "aws",
      region: this.region,
      accountId: this.accountId,
      functionName: fn.functionName,
      version: fn.version,
      executionName,
      executionId,
    });
    const now = this.clock.now();
    const timeout = fn.durableConfig?.ExecutionTimeout ?? DEFAULT_EXECUTION_TIMEOUT_SECONDS;
    const rec: ExecutionRecord = {
      arn,
      seq: this.store.nextExecutionSeq(),
      name: executionName,
      executionId,
      functionName: fn.functionName,
      functionArn: fn.functionArn,
      version: fn.version,
      status: "RUNNING",
      startMs: now,
      executionTimeoutSeconds: timeout,
      retentionPeriodDays: fn.durableConfig?.RetentionPeriodInDays ?? DEFAULT_RETENTION_DAYS,
      wakePending: false,
      invocationFailures: 0,
      serviceChangedIds: [],
      nextEventId: 1,
    };
    if (payload !== undefined) rec.inputPayload = payload;
    if (parent) rec.parent = parent;
    this.store.insertExecution(rec);
    const op: Operation = {
      Id: executionId,
      Type: "EXECUTION",
      Status: "STARTED",
      StartTimestamp: new Date(now),
      ExecutionDetails: payload !== undefined ? { InputPayload: payload } : {},
    };
    this.store.putOperation(arn, op);
    this.appendEvent(rec, {
      EventType: "ExecutionStarted",
      Id: executionId,
      Name: executionName,
      ExecutionStartedDetails: { Input: { Payload: payload, Truncated: false }, ExecutionTimeout: timeout },
    });
    this.store.updateExecution(rec);
    return arn;
  }

  /** Arms the execution's timeout and runs its first invocation, once its creation is committed. */
  private launch(arn: string): void {
    this.armExecutionTimeout(this.getRecord(arn));
    this.wake(arn);
  }

  /** Resolves when the execution has ended. */
  waitForCompletion(arn: string): Promise<ExecutionRecord> {
    const rec = this.getRecord(arn);
    if (rec.status !== "RUNNING") return Promise.resolve(rec);
    return new Promise((resolve) => {
      const list = this.settleWaiters.get(arn) ?? [];
      list.push(() => resolve(this.getRecord(arn)));
      this.settleWaiters.set(arn, list);
    });
  }

  /** True while an invocation runs or is queued to run; timers alone do not count. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves when no invocation is running or about to run (timers may still be armed). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /**
   * The timers armed now, earliest first. A driver of virtual time reads them to tell a wait
   * or a retry delay, which nothing outside can shorten, from a deadline such as a callback
   * timeout, which an answer from outside may still beat.
   *
   * @example engine.pendingTimers()[0]?.kind // "wait-end"
   */
  pendingTimers(): PendingTimer[] {
    return [...this.timers.values()].map((t) => ({ ...t.timer })).sort((a, b) => a.atMs - b.atMs);
  }

  /**
   * Invokes the function for a running execution now: how the replay simulator starts an
   * execution it wrote into the store itself (a state rebuilt from a recorded history).
   *
   * @example store.insertExecution(rec); engine.recover(); engine.resume(rec.arn);
   */
  resume(arn: string): void {
    this.wake(arn);
  }

  /** Re-arms timers and resumes invocations after a restart. */
  recover(): void {
    this.nextExpiryMs = Math.min(Infinity, ...this.store.listExpiries().map((e) => e.atMs));
    this.deleteExpired();
    for (const rec of this.store.listRunningExecutions()) {
      this.armExecutionTimeout(rec);
      let wake = rec.wakePending;
      if (rec.invocation) {
        // The process died mid-invocation: record it as Lambda records a crashed runtime.
        this.store.transaction(() => {
          const r = this.getRecord(rec.arn);
          this.completeInvocation(r, { ErrorType: "Runtime.ExitError", ErrorMessage: "The service stopped during this invocation" });
          this.store.updateExecution(r);
        });
        wake = true;
      }
      for (const op of this.store.listOperations(rec.arn)) {
        if (op.Type === "WAIT" && op.Status === "STARTED" && op.WaitDetails?.ScheduledEndTimestamp) {
          this.armTimer(rec.arn, { atMs: op.WaitDetails.ScheduledEndTimestamp.getTime(), kind: "wait-end", opId: op.Id });
        }
        if (op.Type === "STEP" && op.Status === "PENDING" && op.StepDetails?.NextAttemptTimestamp) {
          this.armTimer(rec.arn, { atMs: op.StepDetails.NextAttemptTimestamp.getTime(), kind: "retry-ready", opId: op.Id });
        }
        if (op.Type === "STEP" && op.Status === "READY") wake = true;
      }
      for (const [opId, timers] of Object.entries(rec.callbacks ?? {})) this.armCallbackTimers(rec.arn, opId, timers);
      // A failed invocation's retry lived in a timer the restart lost: retry now.
      if (rec.invocationFailures > 0) wake = true;
      if (this.store.listOperations(rec.arn).length === 1 && !rec.invocation) wake = true;
      if (wake) this.wake(rec.arn);
    }
  }

  /**
   * Deletes the ended executions whose retention has run out. Checked when the engine is used
   * rather than on timers, so that "fire every pending timer" in tests and the simulator never
   * jumps to a deletion weeks ahead.
   */
  private deleteExpired(): void {
    const now = this.clock.now();
    if (now < this.nextExpiryMs) return;
    let next = Infinity;
    for (const { arn, atMs } of this.store.listExpiries()) {
      if (atMs <= now) this.store.deleteExecution(arn);
      else next = Math.min(next, atMs);
    }
    this.nextExpiryMs = next;
  }

  /** Cancels every timer; in-flight invocations finish on their own. */
  close(): void {
    for (const t of this.timers.values()) t.handle.cancel();
    this.timers.clear();
  }

  // ---------------------------------------------------------------- invocations

  /** Invokes the function now, or right after the invocation in flight. */
  private wake(arn: string): void {
    const rec = this.store.getExecution(arn);
    if (!rec || rec.status !== "RUNNING") return;
    if (this.running.has(arn)) {
      // Kept in memory too: the store write below may fail (a full disk) after the caller's own
      // change was committed, and the execution must still be invoked again.
      this.wakeAgain.add(arn);
      if (!rec.wakePending) {
        rec.wakePending = true;
        try {
          this.store.updateExecution(rec);
        } catch (e) {
          if (!isStoreFailure(e)) throw e;
        }
      }
      return;
    }
    const run = this.runInvocations(arn)
      .catch((e: unknown) => {
        if (!isStoreFailure(e)) throw e;
        // The start or the end of an invocation could not be stored: try again, the store may have room by then.
        this.armTimer(arn, { atMs: this.clock.now() + STORE_RETRY_MS, kind: "reinvoke", opId: "" });
      })
      .finally(() => this.running.delete(arn));
    this.running.set(arn, run);
  }

  private async runInvocations(arn: string): Promise<void> {
    for (;;) {
      const again = await this.runInvocation(arn);
      const children = this.deferredLaunches.get(arn);
      this.deferredLaunches.delete(arn);
      for (const child of children ?? []) this.launch(child);
      if (!again) return;
    }
  }

  /** Runs one invocation; returns true when another must follow at once. */
  private async runInvocation(arn: string): Promise<boolean> {
    const begin = this.store.transaction(() => {
      const rec = this.getRecord(arn);
      if (rec.status !== "RUNNING") return undefined;
      const requestId = crypto.randomUUID();
      // The previous invocation ended but its end could not be stored: record it as failed first.
      if (rec.invocation) this.completeInvocation(rec, { ErrorType: "ServiceException", ErrorMessage: "The service could not store the end of this invocation" });
      rec.invocation = { requestId, startMs: this.clock.now() };
      rec.checkpointToken = randomBase64();
      rec.wakePending = false;
      this.wakeAgain.delete(arn);
      // What changed while no invocation ran goes to the new one as UpdatedOperationIds.
      const updatedOperationIds = rec.serviceChangedIds;
      rec.serviceChangedIds = [];
      this.store.updateExecution(rec);
      const fn = this.options.resolveFunction(rec.functionName, rec.version);
      return { rec, requestId, fn, updatedOperationIds };
    });
    if (!begin) return false;
    const { rec, requestId, fn, updatedOperationIds } = begin;
    if (!fn) {
      this.failInvocationHard(arn, { ErrorType: "ResourceNotFoundException", ErrorMessage: `Function ${rec.functionName} no longer exists` });
      return false;
    }
    const { page, rest } = initialStatePage(visibleOperations(this.store.listOperations(arn)));
    const event = toEventJson({
      DurableExecutionArn: arn,
      CheckpointToken: rec.checkpointToken!,
      InitialExecutionState: { Operations: page, ...(rest !== undefined && { NextMarker: encodeMarker({ s: rest }) }) },
      ...(updatedOperationIds.length > 0 && { UpdatedOperationIds: updatedOperationIds }),
    }) as DurableExecutionInvocationInput;

    let output: DurableExecutionInvocationOutput | undefined;
    let invocationError: ErrorObject | undefined;
    try {
      output = await this.options.invoke(fn, event, requestId);
      if (!output || typeof output !== "object" || !["SUCCEEDED", "FAILED", "PENDING"].includes(output.Status)) {
        invocationError = { ErrorType: "Runtime.InvalidResponse", ErrorMessage: "The handler did not return a durable invocation output" };
      }
    } catch (e) {
      const err = e as Error;
      invocationError = { ErrorType: err?.name ?? "Error", ErrorMessage: err?.message ?? String(e) };
    }

    return this.store.transaction(() => {
      const r = this.getRecord(arn);
      if (r.status !== "RUNNING" || r.invocation?.requestId !== requestId) return false;
      this.completeInvocation(r, invocationError ?? (output?.Status === "FAILED" ? output.Error : undefined));
      if (invocationError) {
        r.invocationFailures += 1;
        if (r.invocationFailures >= (this.options.maxInvocationFailures ?? 3)) {
          this.endExecution(r, "FAILED", undefined, invocationError);
          return false;
        }
        this.store.updateExecution(r);
        const delay = this.options.invocationRetryDelayMs?.(r.invocationFailures) ?? 1000 * 2 ** (r.invocationFailures - 1);
        this.armTimer(arn, { atMs: this.clock.now() + delay, kind: "reinvoke", opId: "" });
        return false;
      }
      r.invocationFailures = 0;
      if (output!.Status === "SUCCEEDED") {
        const payload = output!.Result === "" && r.checkpointedResult?.payload !== undefined ? r.checkpointedResult.payload : output!.Result;
        this.endExecution(r, "SUCCEEDED", payload);
        return false;
      }
      if (output!.Status === "FAILED") {
        this.endExecution(r, "FAILED", undefined, output!.Error ?? r.checkpointedResult?.error);
        return false;
      }
      const again = r.wakePending || this.wakeAgain.delete(arn);
      this.store.updateExecution(r);
      return again;
    });
  }

  /** Writes InvocationCompleted and closes the invocation's token. */
  private completeInvocation(rec: ExecutionRecord, error: ErrorObject | undefined): void {
    const inv = rec.invocation!;
    const details: Event["InvocationCompletedDetails"] = {
      StartTimestamp: new Date(inv.startMs),
      EndTimestamp: new Date(this.clock.now()),
      RequestId: inv.requestId,
    };
    if (error) details.Error = { Payload: error, Truncated: false };
    this.appendEvent(rec, { EventType: "InvocationCompleted", InvocationCompletedDetails: details });
    delete rec.invocation;
    delete rec.checkpointToken;
  }

  private failInvocationHard(arn: string, error: ErrorObject): void {
    this.store.transaction(() => {
      const r = this.getRecord(arn);
      this.completeInvocation(r, error);
      this.endExecution(r, "FAILED", undefined, error);
    });
  }

  private endExecution(rec: ExecutionRecord, status: ExecutionStatus, result?: string, error?: ErrorObject): void {
    const now = this.clock.now();
    rec.status = status;
    rec.endMs = now;
    delete rec.checkpointToken;
    delete rec.invocation;
    // Kept only so a retried checkpoint gets its first answer; an ended execution takes none.
    this.store.deleteCheckpointResponses(rec.arn);
    if (result !== undefined) rec.result = result;
    if (error !== undefined) rec.error = error;
    const id = rec.executionId;
    if (status === "SUCCEEDED") {
      this.appendEvent(rec, { EventType: "ExecutionSucceeded", Id: id, Name: rec.name, ExecutionSucceededDetails: { Result: { Payload: result, Truncated: false } } });
    } else {
      const type = status === "FAILED" ? "ExecutionFailed" : status === "TIMED_OUT" ? "ExecutionTimedOut" : "ExecutionStopped";
      this.appendEvent(rec, { EventType: type, Id: id, Name: rec.name, [`${type}Details`]: { Error: { Payload: error, Truncated: false } } });
    }
    const op = this.store.getOperation(rec.arn, id);
    if (op) this.store.putOperation(rec.arn, { ...op, Status: status === "RUNNING" ? "STARTED" : status, EndTimestamp: new Date(now) });
    this.store.updateExecution(rec);
    for (const [key, timer] of this.timers) {
      if (key.startsWith(`${rec.arn}|`)) {
        timer.handle.cancel();
        this.timers.delete(key);
      }
    }
    if (rec.parent) this.answerParent(rec);
    // Its history stays readable for the function's retention period, then goes, as in Lambda.
    const expiresAt = now + (rec.retentionPeriodDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
    this.store.setExpiry(rec.arn, expiresAt);
    this.nextExpiryMs = Math.min(this.nextExpiryMs, expiresAt);
    const waiters = this.settleWaiters.get(rec.arn) ?? [];
    this.settleWaiters.delete(rec.arn);
    // Waiters read the record, so they run after this transaction commits.
    queueMicrotask(() => waiters.forEach((w) => w()));
  }

  /** Completes the chained invoke that started `child`, and wakes its execution. */
  private answerParent(child: ExecutionRecord): void {
    const parent = this.store.getExecution(child.parent!.arn);
    const op = parent && this.store.getOperation(parent.arn, child.parent!.opId);
    if (!parent || parent.status !== "RUNNING" || !op || op.Status !== "STARTED") return;
    const status = child.status as "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "STOPPED";
    const { op: done, event } = completeChainedInvoke(op, this.clock.now(), status, { result: child.result, error: child.error });
    this.store.putOperation(parent.arn, done);
    this.appendEvent(parent, event);
    if (!parent.serviceChangedIds.includes(op.Id)) parent.serviceChangedIds.push(op.Id);
    this.store.updateExecution(parent);
    // The parent's invocation reads the store, so it starts after this transaction commits.
    queueMicrotask(() => this.wake(parent.arn));
  }

  // ---------------------------------------------------------------- timers

  private armExecutionTimeout(rec: ExecutionRecord): void {
    this.armTimer(rec.arn, { atMs: rec.startMs + rec.executionTimeoutSeconds * 1000, kind: "execution-timeout", opId: "" });
  }

  private armCallbackTimers(arn: string, opId: string, timers: CallbackTimers): void {
    if (timers.timeoutAtMs !== undefined) this.armTimer(arn, { atMs: timers.timeoutAtMs, kind: "callback-timeout", opId });
    if (timers.heartbeatAtMs !== undefined) this.armTimer(arn, { atMs: timers.heartbeatAtMs, kind: "callback-heartbeat", opId });
  }

  private cancelTimer(arn: string, kind: TimerKind, opId: string): void {
    const key = `${arn}|${kind}|${opId}`;
    this.timers.get(key)?.handle.cancel();
    this.timers.delete(key);
  }

  private armTimer(arn: string, t: TimerSpec): void {
    const key = `${arn}|${t.kind}|${t.opId}`;
    this.timers.get(key)?.handle.cancel();
    const handle = this.clock.setTimer(t.atMs, () => {
      this.timers.delete(key);
      try {
        this.onTimer(arn, t.kind, t.opId);
      } catch (e) {
        if (!isStoreFailure(e)) throw e;
        // What the timer does could not be stored: it fires again shortly rather than never.
        this.armTimer(arn, { ...t, atMs: this.clock.now() + STORE_RETRY_MS });
      }
    });
    this.timers.set(key, { handle, timer: { arn, atMs: t.atMs, kind: t.kind, opId: t.opId } });
  }

  private onTimer(arn: string, kind: TimerKind, opId: string): void {
    const woke = this.store.transaction(() => {
      const rec = this.store.getExecution(arn);
      if (!rec || rec.status !== "RUNNING") return false;
      if (kind === "execution-timeout") {
        this.endExecution(rec, "TIMED_OUT", undefined, { ErrorType: "Execution.Timeout", ErrorMessage: "Execution timed out" });
        return false;
      }
      if (kind === "reinvoke") return true;
      const op = this.store.getOperation(arn, opId);
      if (!op) return false;
      const now = new Date(this.clock.now());
      if (kind === "wait-end" && op.Status === "STARTED") {
        const done: Operation = { ...op, Status: "SUCCEEDED", EndTimestamp: now };
        this.store.putOperation(arn, done);
        const duration = Math.round((op.WaitDetails!.ScheduledEndTimestamp!.getTime() - op.StartTimestamp.getTime()) / 1000);
        this.appendEvent(rec, waitSucceeded(done, duration));
      } else if (kind === "retry-ready" && op.Status === "PENDING") {
        this.store.putOperation(arn, { ...op, Status: "READY" });
      } else if ((kind === "callback-timeout" || kind === "callback-heartbeat") && op.Type === "CALLBACK" && op.Status === "STARTED") {
        const error =
          kind === "callback-timeout"
            ? { ErrorType: "Callback.Timeout", ErrorMessage: "Callback timed out" }
            : { ErrorType: "Callback.Heartbeat", ErrorMessage: "Callback timed out on heartbeat" };
        this.finishCallback(rec, op, { kind: "timeout", error });
        return true;
      } else {
        return false;
      }
      if (!rec.serviceChangedIds.includes(opId)) rec.serviceChangedIds.push(opId);
      this.store.updateExecution(rec);
      return true;
    });
    if (woke) this.wake(arn);
  }

  // ---------------------------------------------------------------- the function's API

  /** CheckpointDurableExecution. */
  checkpoint(req: CheckpointDurableExecutionRequest): CheckpointDurableExecutionResponse {
    const arn = req.DurableExecutionArn;
    if (typeof req.CheckpointToken !== "string" || req.CheckpointToken === "") invalid("CheckpointToken is required");
    if (req.Updates !== undefined && !Array.isArray(req.Updates)) invalid("Updates must be a list of OperationUpdate");
    const updates = req.Updates ?? [];
    updates.forEach(validateUpdateShape);
    const armed: TimerSpec[] = [];
    const launches: string[] = [];
    const response = this.store.transaction(() => {
      const rec = this.store.getExecution(arn);
      if (!rec) invalid(`${INVALID_CHECKPOINT_TOKEN}: no durable execution ${arn}`);
      if (req.ClientToken) {
        // The AWS client resends the identical body on 5xx/429; answer it as the first time.
        const stored = this.store.getCheckpointResponse(arn, req.ClientToken);
        if (stored !== undefined) return JSON.parse(stored, reviveDates) as CheckpointDurableExecutionResponse;
      }
      if (rec.status !== "RUNNING") invalid(`${INVALID_CHECKPOINT_TOKEN}: the execution has ended (${rec.status})`);
      if (rec.checkpointToken === undefined || req.CheckpointToken !== rec.checkpointToken) {
        invalid(`${INVALID_CHECKPOINT_TOKEN}: the token is stale or belongs to another invocation`);
      }
      const fresh = new Set(updates.filter((u) => u.Type !== "EXECUTION" && !this.store.getOperation(arn, u.Id)).map((u) => u.Id));
      if (fresh.size > 0) {
        const count = this.store.countOperations(arn) - 1; // the EXECUTION operation is not counted
        if (count + fresh.size > Limits.MAX_OPERATIONS) {
          invalid(`The execution would have ${count + fresh.size} operations; a durable execution may have at most ${Limits.MAX_OPERATIONS}`);
        }
      }
      const changed = new Map<string, Operation>();
      const now = this.clock.now();
      updates.forEach((u, i) => {
        const at = `Updates[${i}]`;
        if (u.ParentId !== undefined) {
          const parent = changed.get(u.ParentId) ?? this.store.getOperation(arn, u.ParentId);
          if (!parent || parent.Type !== "CONTEXT") invalid(`${at}.ParentId ${u.ParentId} is not a CONTEXT operation of this execution`);
        }
        const effect = applyUpdate(u, changed.get(u.Id) ?? this.store.getOperation(arn, u.Id), now, at, {
          newCallbackId: () => newCallbackId(arn, u.Id),
          startChainedInvoke: (options, payload) => {
            const target = this.options.resolveFunction(options.FunctionName);
            if (!target) return { error: { ErrorType: "ResourceNotFoundException", ErrorMessage: `Function not found: ${options.FunctionName}` } };
            const child = this.createExecution(target, undefined, payload, { arn, opId: u.Id });
            launches.push(child);
            return { arn: child, version: target.version };
          },
        });
        if (effect.op) {
          this.store.putOperation(arn, effect.op);
          changed.set(effect.op.Id, effect.op);
        }
        // One call is applied at one instant: its events share the call's time, as on Lambda.
        for (const e of effect.events) this.appendEvent(rec, e, now);
        if (effect.timer) armed.push(effect.timer);
        if (effect.executionResult) rec.checkpointedResult = effect.executionResult;
        if (effect.callbackTimers) {
          const { opId, timeoutSeconds, heartbeatTimeoutSeconds } = effect.callbackTimers;
          const timers: CallbackTimers = {};
          if (timeoutSeconds) timers.timeoutAtMs = now + timeoutSeconds * 1000;
          if (heartbeatTimeoutSeconds) {
            timers.heartbeatTimeoutSeconds = heartbeatTimeoutSeconds;
            timers.heartbeatAtMs = now + heartbeatTimeoutSeconds * 1000;
          }
          rec.callbacks = { ...rec.callbacks, [opId]: timers };
          if (timers.timeoutAtMs !== undefined) armed.push({ atMs: timers.timeoutAtMs, kind: "callback-timeout", opId });
          if (timers.heartbeatAtMs !== undefined) armed.push({ atMs: timers.heartbeatAtMs, kind: "callback-heartbeat", opId });
        }
        if (u.Type === "CALLBACK" && u.Action === "CANCEL" && rec.callbacks?.[u.Id]) {
          delete rec.callbacks[u.Id];
          this.cancelTimer(arn, "callback-timeout", u.Id);
          this.cancelTimer(arn, "callback-heartbeat", u.Id);
        }
      });
      for (const id of rec.serviceChangedIds) {
        if (!changed.has(id)) {
          const op = this.store.getOperation(arn, id);
          if (op) changed.set(id, op);
        }
      }
      rec.serviceChangedIds = [];
      rec.checkpointToken = randomBase64();
      this.store.updateExecution(rec);
      const res: CheckpointDurableExecutionResponse = {
        CheckpointToken: rec.checkpointToken,
        NewExecutionState: { Operations: [...changed.values()] },
      };
      if (req.ClientToken) this.store.putCheckpointResponse(arn, req.ClientToken, JSON.stringify(res));
      return res;
    });
    for (const t of armed) this.armTimer(arn, t);
    // Children start when the invocation that asked for them ends, as Lambda's histories show
    // (the parent's InvocationCompleted comes before anything the child does).
    if (launches.length) this.deferredLaunches.set(arn, [...(this.deferredLaunches.get(arn) ?? []), ...launches]);
    return response;
  }

  /** GetDurableExecutionState: the operation table, paged, for the invocation holding the token. */
  getExecutionState(req: GetDurableExecutionStateRequest): GetDurableExecutionStateResponse {
    const rec = this.store.getExecution(req.DurableExecutionArn);
    if (!rec || rec.checkpointToken === undefined || rec.checkpointToken !== req.CheckpointToken) {
      invalid(`${INVALID_CHECKPOINT_TOKEN}: the token is stale or belongs to another invocation`);
    }
    const limit = pageSize(req.MaxItems);
    const ops = visibleOperations(this.store.listOperations(rec.arn));
    const start = readMarker(req.Marker, isSeqCursor)?.s ?? 0;
    const page = ops.slice(start, start + limit);
    const res: GetDurableExecutionStateResponse = { Operations: page };
    if (start + limit < ops.length) res.NextMarker = encodeMarker({ s: start + limit });
    return res;
  }

  /**
   * StopDurableExecution: ends a running execution as STOPPED with the given error. An
   * invocation still running is cut off: its checkpoints are refused from now on.
   */
  stopExecution(req: StopDurableExecutionRequest): StopDurableExecutionResponse {
    return this.store.transaction(() => {
      const rec = this.getRecord(req.DurableExecutionArn);
      if (rec.status !== "RUNNING") invalid(`Durable execution ${rec.arn} has already ended (${rec.status}); only a RUNNING execution can be stopped`);
      const error = req.Error && Object.keys(req.Error).length > 0 ? req.Error : undefined;
      this.endExecution(rec, "STOPPED", undefined, error);
      return { StopTimestamp: new Date(rec.endMs!) };
    });
  }

  // ---------------------------------------------------------------- callbacks

  /** Completes an open callback as the service does when its result arrives or a timer fires. */
  private finishCallback(
    rec: ExecutionRecord,
    op: Operation,
    outcome: Parameters<typeof completeCallback>[2],
  ): void {
    const { op: done, event } = completeCallback(op, this.clock.now(), outcome);
    this.store.putOperation(rec.arn, done);
    this.appendEvent(rec, event);
    if (rec.callbacks?.[op.Id]) delete rec.callbacks[op.Id];
    this.cancelTimer(rec.arn, "callback-timeout", op.Id);
    this.cancelTimer(rec.arn, "callback-heartbeat", op.Id);
    if (!rec.serviceChangedIds.includes(op.Id)) rec.serviceChangedIds.push(op.Id);
    this.store.updateExecution(rec);
  }

  /** Finds the open callback `callbackId` names, or throws the error Lambda answers with. */
  private openCallback(callbackId: string): { rec: ExecutionRecord; op: Operation } {
    const ref = readCallbackId(callbackId);
    const rec = ref && this.store.getExecution(ref.arn);
    const op = ref && rec && this.store.getOperation(rec.arn, ref.opId);
    if (!rec || !op || op.Type !== "CALLBACK" || op.CallbackDetails?.CallbackId !== callbackId) {
      throw new ServiceError("ResourceNotFoundException", `Callback not found: ${callbackId}`);
    }
    if (op.Status === "TIMED_OUT") throw new ServiceError("CallbackTimeoutException", `Callback ${callbackId} timed out`);
    if (op.Status !== "STARTED" || rec.status !== "RUNNING") {
      invalid(`Callback ${callbackId} is already closed (${op.Status}${rec.status !== "RUNNING" ? `, execution ${rec.status}` : ""})`);
    }
    return { rec, op };
  }

  private resolveCallback(callbackId: string, outcome: Parameters<typeof completeCallback>[2]): void {
    const arn = this.store.transaction(() => {
      const { rec, op } = this.openCallback(callbackId);
      this.finishCallback(rec, op, outcome);
      return rec.arn;
    });
    this.wake(arn);
  }

  /**
   * SendDurableExecutionCallbackSuccess: `result` is stored verbatim as the callback's result.
   * On the wire an absent Result and an empty one are the same empty body, so both mean no
   * result: the callback then has none, and the handler reads `undefined`.
   */
  sendCallbackSuccess(callbackId: string, result?: string): void {
    if (result !== undefined && utf8Length(result) > Limits.CALLBACK_RESULT_BYTES) {
      throw new ServiceError("RequestTooLargeException", `Result exceeds ${Limits.CALLBACK_RESULT_BYTES} bytes`);
    }
    this.resolveCallback(callbackId, { kind: "succeed", result: result === "" ? undefined : result });
  }

  /** SendDurableExecutionCallbackFailure. */
  sendCallbackFailure(callbackId: string, error: ErrorObject = {}): void {
    this.resolveCallback(callbackId, { kind: "fail", error });
  }

  /** SendDurableExecutionCallbackHeartbeat: restarts the heartbeat timeout, if the callback has one. */
  sendCallbackHeartbeat(callbackId: string): void {
    const rearm = this.store.transaction(() => {
      const { rec, op } = this.openCallback(callbackId);
      const timers = rec.callbacks?.[op.Id];
      if (!timers?.heartbeatTimeoutSeconds) return undefined;
      timers.heartbeatAtMs = this.clock.now() + timers.heartbeatTimeoutSeconds * 1000;
      this.store.updateExecution(rec);
      return { arn: rec.arn, opId: op.Id, atMs: timers.heartbeatAtMs };
    });
    if (rearm) this.armTimer(rearm.arn, { atMs: rearm.atMs, kind: "callback-heartbeat", opId: rearm.opId });
  }

  // ---------------------------------------------------------------- read APIs

  private getRecord(arn: string): ExecutionRecord {
    const rec = this.store.getExecution(arn);
    if (!rec) throw new ServiceError("ResourceNotFoundException", `Durable execution not found: ${arn}`);
    return rec;
  }

  /** GetDurableExecution. */
  getExecution(req: GetDurableExecutionRequest): GetDurableExecutionResponse {
    this.deleteExpired();
    const rec = this.getRecord(req.DurableExecutionArn);
    const res: GetDurableExecutionResponse = {
      DurableExecutionArn: rec.arn,
      DurableExecutionName: rec.name,
      FunctionArn: `${rec.functionArn}:${rec.version}`,
      Status: rec.status,
      StartTimestamp: new Date(rec.startMs),
      Version: rec.version,
      DurableConfig: { ExecutionTimeout: rec.executionTimeoutSeconds, RetentionPeriodInDays: rec.retentionPeriodDays ?? DEFAULT_RETENTION_DAYS },
    };
    if (rec.endMs !== undefined) res.EndTimestamp = new Date(rec.endMs);
    if (req.IncludeExecutionData === false) {
      res.ExecutionDataIncluded = false;
      return res;
    }
    res.ExecutionDataIncluded = true;
    if (rec.inputPayload !== undefined) res.InputPayload = rec.inputPayload;
    if (rec.status === "SUCCEEDED" && rec.result !== undefined) res.Result = rec.result;
    if (rec.status !== "SUCCEEDED" && rec.status !== "RUNNING" && rec.error) res.Error = rec.error;
    return res;
  }

  /**
   * Every event of an execution's history, in order: all pages of GetDurableExecutionHistory,
   * for callers in the same process (seeding, the simulator, test runners).
   *
   * @example engine.allHistoryEvents(arn).at(-1)?.EventType // "ExecutionSucceeded"
   */
  allHistoryEvents(arn: string): Event[] {
    const events: Event[] = [];
    let marker: string | undefined;
    do {
      const page = this.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: Limits.MAX_ITEMS, ...(marker && { Marker: marker }) });
      events.push(...(page.Events ?? []));
      marker = page.NextMarker;
    } while (marker);
    return events;
  }

  /** GetDurableExecutionHistory. */
  getExecutionHistory(req: GetDurableExecutionHistoryRequest): GetDurableExecutionHistoryResponse {
    this.deleteExpired();
    const rec = this.getRecord(req.DurableExecutionArn);
    const limit = pageSize(req.MaxItems);
    const after = readMarker(req.Marker, isEventCursor)?.e;
    const reverse = req.ReverseOrder === true;
    const events = this.store.listEvents(rec.arn, { reverse, afterEventId: after, limit: limit + 1 });
    const page = events.slice(0, limit);
    const res: GetDurableExecutionHistoryResponse = {
      Events: req.IncludeExecutionData === false ? page.map(stripExecutionData) : page,
    };
    if (events.length > limit) res.NextMarker = encodeMarker({ e: page[page.length - 1]!.EventId! });
    return res;
  }

  /** ListDurableExecutionsByFunction: newest first unless ReverseOrder. */
  listExecutionsByFunction(req: ListDurableExecutionsByFunctionRequest): ListDurableExecutionsByFunctionResponse {
    this.deleteExpired();
    const fn = this.options.resolveFunction(req.FunctionName, req.Qualifier);
    if (!fn) throw new ServiceError("ResourceNotFoundException", `Function not found: ${req.FunctionName}`);
    const limit = pageSize(req.MaxItems);
    const afterSeq = readMarker(req.Marker, isSeqCursor)?.s;
    if (req.DurableExecutionName !== undefined && !DURABLE_EXECUTION_NAME.test(req.DurableExecutionName)) {
      invalid(`DurableExecutionName must be 1-64 characters of [a-zA-Z0-9-_], got ${JSON.stringify(req.DurableExecutionName)}`);
    }
    const statuses = req.Statuses ?? [];
    for (const s of statuses) {
      if (!["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "STOPPED"].includes(s)) invalid(`Statuses contains unknown status ${JSON.stringify(s)}`);
    }
    const rows = this.store.listExecutions({
      functionName: fn.functionName,
      version: req.Qualifier !== undefined ? fn.version : undefined,
      nameContains: req.DurableExecutionName,
      statuses,
      startedAfterMs: req.StartedAfter?.getTime(),
      startedBeforeMs: req.StartedBefore?.getTime(),
      newestFirst: req.ReverseOrder !== true,
      afterSeq,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const res: ListDurableExecutionsByFunctionResponse = {
      DurableExecutions: page.map((r) => ({
        DurableExecutionArn: r.arn,
        DurableExecutionName: r.name,
        FunctionArn: `${r.functionArn}:${r.version}`,
        Status: r.status,
        StartTimestamp: new Date(r.startMs),
        ...(r.endMs !== undefined && { EndTimestamp: new Date(r.endMs) }),
      })),
    };
    if (rows.length > limit) res.NextMarker = encodeMarker({ s: page[page.length - 1]!.seq });
    return res;
  }

  private appendEvent(rec: ExecutionRecord, e: Omit<Event, "EventId" | "EventTimestamp">, atMs: number = this.clock.now()): void {
    const event: Event = { EventId: rec.nextEventId++, EventTimestamp: new Date(atMs), ...e };
    this.store.appendEvent(rec.arn, event);
  }
}

/** Drops payloads from an event, for IncludeExecutionData=false. */
function stripExecutionData(e: Event): Event {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === "Payload" ? undefined : v)), reviveDates) as Event;
}

function reviveDates(key: string, value: unknown): unknown {
  return typeof value === "string" && key.endsWith("Timestamp") ? new Date(value) : value;
}
