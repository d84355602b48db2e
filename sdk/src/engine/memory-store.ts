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

  transaction<T>(fn: () => T): T {
    return fn();
  }

  private data(arn: string): ExecutionData {
    const d = this.executions.get(arn);
    if (!d) throw new Error(`No execution ${arn} in the store`);
    return d;
  }

  insertExecution(rec: ExecutionRecord): void {
    this.executions.set(rec.arn, { rec: structuredClone(rec), ops: new Map(), events: [], checkpointResponses: new Map() });
  }

  updateExecution(rec: ExecutionRecord): void {
    this.data(rec.arn).rec = structuredClone(rec);
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
    return ++this.seq;
  }

  putOperation(arn: string, op: Operation): void {
    this.data(arn).ops.set(op.Id, structuredClone(op));
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
    this.data(arn).events.push(structuredClone(event));
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
    this.data(arn).checkpointResponses.set(clientToken, response);
  }

  deleteCheckpointResponses(arn: string): void {
    this.executions.get(arn)?.checkpointResponses.clear();
  }

  private readonly expiries = new Map<string, number>();

  setExpiry(arn: string, atMs: number): void {
    this.expiries.set(arn, atMs);
  }

  listExpiries(): { arn: string; atMs: number }[] {
    return [...this.expiries].map(([arn, atMs]) => ({ arn, atMs }));
  }

  deleteExecution(arn: string): void {
    this.executions.delete(arn);
    this.expiries.delete(arn);
  }

  close(): void {}
}
