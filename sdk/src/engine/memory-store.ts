import type { Event, Operation } from "../protocol/index.js";
import type { EventQuery, ExecutionQuery, ExecutionRecord, Store } from "./store.js";

interface ExecutionData {
  rec: ExecutionRecord;
  ops: Map<string, Operation>;
  events: Event[];
  checkpointResponses: Map<string, string>;
}

/** Matches an execution against a query's filters (not paging). Shared with stores that filter in memory. */
export function matchesExecutionQuery(rec: ExecutionRecord, q: ExecutionQuery): boolean {
  if (rec.functionName !== q.functionName) return false;
  if (q.version !== undefined && rec.version !== q.version) return false;
  if (q.nameContains !== undefined && !rec.name.includes(q.nameContains)) return false;
  if (q.statuses?.length && !q.statuses.includes(rec.status)) return false;
  if (q.startedAfterMs !== undefined && rec.startMs < q.startedAfterMs) return false;
  if (q.startedBeforeMs !== undefined && rec.startMs > q.startedBeforeMs) return false;
  return true;
}

/**
 * Keeps everything in memory: the engine in tests and in the browser simulator. Copies on
 * the way in and out, so callers can never change stored state by mutating what they hold.
 *
 * @example const engine = new Engine({ store: new MemoryStore(), clock: new VirtualClock(), ... });
 */
export class MemoryStore implements Store {
  private readonly executions = new Map<string, ExecutionData>();
  private seq = 0;
  /** One undo log per open transaction, innermost last. */
  private readonly undoLogs: (() => void)[][] = [];

  /**
   * All or nothing, as the Store contract asks: a transaction that throws (a checkpoint batch
   * whose third update is refused) undoes what it wrote, so a refused request changes nothing.
   */
  transaction<T>(fn: () => T): T {
    const log: (() => void)[] = [];
    this.undoLogs.push(log);
    try {
      const out = fn();
      this.undoLogs.pop();
      // Committing an inner transaction hands its undo steps to the one around it.
      const outer = this.undoLogs.at(-1);
      if (outer) for (const step of log) outer.push(step);
      return out;
    } catch (e) {
      this.undoLogs.pop();
      for (let i = log.length - 1; i >= 0; i--) log[i]!();
      throw e;
    }
  }

  /** Records how to take back a write, when inside a transaction. */
  private onUndo(step: () => void): void {
    this.undoLogs.at(-1)?.push(step);
  }

  /** Sets `key` in `map`, remembering how to put back what was there. */
  private setUndoably<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const prev = map.get(key);
    map.set(key, value);
    this.onUndo(() => (had ? map.set(key, prev as V) : map.delete(key)));
  }

  private data(arn: string): ExecutionData {
    const d = this.executions.get(arn);
    if (!d) throw new Error(`No execution ${arn} in the store`);
    return d;
  }

  insertExecution(rec: ExecutionRecord): void {
    this.setUndoably(this.executions, rec.arn, { rec: structuredClone(rec), ops: new Map(), events: [], checkpointResponses: new Map() });
  }

  updateExecution(rec: ExecutionRecord): void {
    const d = this.data(rec.arn);
    const prev = d.rec;
    d.rec = structuredClone(rec);
    this.onUndo(() => (d.rec = prev));
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const d = this.executions.get(arn);
    return d && structuredClone(d.rec);
  }

  findExecutionByName(functionName: string, name: string): ExecutionRecord | undefined {
    for (const d of this.executions.values()) {
      if (d.rec.functionName === functionName && d.rec.name === name) return structuredClone(d.rec);
    }
    return undefined;
  }

  listExecutions(q: ExecutionQuery): ExecutionRecord[] {
    const all = [...this.executions.values()].map((d) => d.rec).filter((r) => matchesExecutionQuery(r, q));
    all.sort((a, b) => (q.newestFirst ? b.seq - a.seq : a.seq - b.seq));
    const after = q.afterSeq;
    const page = after === undefined ? all : all.filter((r) => (q.newestFirst ? r.seq < after : r.seq > after));
    return page.slice(0, q.limit).map((r) => structuredClone(r));
  }

  listRunningExecutions(): ExecutionRecord[] {
    return [...this.executions.values()].filter((d) => d.rec.status === "RUNNING").map((d) => structuredClone(d.rec));
  }

  nextExecutionSeq(): number {
    const prev = this.seq;
    this.onUndo(() => (this.seq = prev));
    return ++this.seq;
  }

  putOperation(arn: string, op: Operation): void {
    this.setUndoably(this.data(arn).ops, op.Id, structuredClone(op));
  }

  getOperation(arn: string, id: string): Operation | undefined {
    const op = this.executions.get(arn)?.ops.get(id);
    return op && structuredClone(op);
  }

  countOperations(arn: string): number {
    return this.executions.get(arn)?.ops.size ?? 0;
  }

  listOperations(arn: string): Operation[] {
    return [...(this.executions.get(arn)?.ops.values() ?? [])].map((op) => structuredClone(op));
  }

  appendEvent(arn: string, event: Event): void {
    const events = this.data(arn).events;
    events.push(structuredClone(event));
    this.onUndo(() => events.pop());
  }

  listEvents(arn: string, q: EventQuery): Event[] {
    const events = this.executions.get(arn)?.events ?? [];
    const ordered = q.reverse ? [...events].reverse() : events;
    const after = q.afterEventId;
    const page = after === undefined ? ordered : ordered.filter((e) => (q.reverse ? e.EventId! < after : e.EventId! > after));
    return page.slice(0, q.limit).map((e) => structuredClone(e));
  }

  getCheckpointResponse(arn: string, clientToken: string): string | undefined {
    return this.executions.get(arn)?.checkpointResponses.get(clientToken);
  }

  putCheckpointResponse(arn: string, clientToken: string, response: string): void {
    this.setUndoably(this.data(arn).checkpointResponses, clientToken, response);
  }

  deleteCheckpointResponses(arn: string): void {
    const responses = this.executions.get(arn)?.checkpointResponses;
    if (!responses) return;
    const prev = new Map(responses);
    responses.clear();
    this.onUndo(() => prev.forEach((v, k) => responses.set(k, v)));
  }

  private readonly expiries = new Map<string, number>();

  setExpiry(arn: string, atMs: number): void {
    this.setUndoably(this.expiries, arn, atMs);
  }

  listExpiries(): { arn: string; atMs: number }[] {
    return [...this.expiries].map(([arn, atMs]) => ({ arn, atMs }));
  }

  deleteExecution(arn: string): void {
    const data = this.executions.get(arn);
    const expiry = this.expiries.get(arn);
    this.executions.delete(arn);
    this.expiries.delete(arn);
    this.onUndo(() => {
      if (data) this.executions.set(arn, data);
      if (expiry !== undefined) this.expiries.set(arn, expiry);
    });
  }

  close(): void {}
}
