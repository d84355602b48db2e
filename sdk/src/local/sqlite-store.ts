import Database from "better-sqlite3";
import { mkdirSync, accessSync, constants } from "node:fs";
import { join } from "node:path";
import { reviveTimestamps, toEventJson, type Event, type Operation } from "../protocol/index.js";
import type { EventQuery, ExecutionQuery, ExecutionRecord, Store } from "../engine/index.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS executions (
  arn TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  function_name TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  status TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS executions_by_function ON executions (function_name, seq);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
CREATE TABLE IF NOT EXISTS operations (
  arn TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (arn, id)
);
CREATE INDEX IF NOT EXISTS operations_in_order ON operations (arn, seq);
CREATE TABLE IF NOT EXISTS events (
  arn TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (arn, event_id)
);
CREATE TABLE IF NOT EXISTS checkpoint_responses (
  arn TEXT NOT NULL,
  client_token TEXT NOT NULL,
  response TEXT NOT NULL,
  PRIMARY KEY (arn, client_token)
);
CREATE TABLE IF NOT EXISTS expiries (
  arn TEXT PRIMARY KEY,
  at_ms INTEGER NOT NULL
);
`;

/** Why the data directory cannot hold the store, in words a user can act on. */
export class DataDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataDirectoryError";
  }
}

// Timestamps are stored as epoch milliseconds inside the JSON bodies.
const encode = (v: unknown) => JSON.stringify(toEventJson(v));
const decode = <T>(s: string) => reviveTimestamps<T>(JSON.parse(s), "milliseconds");

/**
 * The local service's store: SQLite in WAL mode with full sync, so an acknowledged checkpoint
 * survives the process being killed. Each engine call runs in one transaction.
 *
 * @example const store = SqliteStore.open(".durable-lens");
 */
export class SqliteStore implements Store {
  private readonly stmts;

  private constructor(private readonly db: Database.Database) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
    db.exec(SCHEMA);
    this.stmts = {
      insertExec: db.prepare(
        "INSERT INTO executions (arn, seq, function_name, name, version, status, start_ms, record) VALUES (@arn, @seq, @functionName, @name, @version, @status, @startMs, @record)",
      ),
      updateExec: db.prepare("UPDATE executions SET status = @status, record = @record WHERE arn = @arn"),
      getExec: db.prepare("SELECT record FROM executions WHERE arn = ?"),
      findByName: db.prepare("SELECT record FROM executions WHERE function_name = ? AND name = ?"),
      running: db.prepare("SELECT record FROM executions WHERE status = 'RUNNING' ORDER BY seq"),
      maxSeq: db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM executions"),
      putOp: db.prepare(
        "INSERT INTO operations (arn, id, seq, body) VALUES (@arn, @id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM operations WHERE arn = @arn), @body) ON CONFLICT (arn, id) DO UPDATE SET body = excluded.body",
      ),
      getOp: db.prepare("SELECT body FROM operations WHERE arn = ? AND id = ?"),
      listOps: db.prepare("SELECT body FROM operations WHERE arn = ? ORDER BY seq"),
      // Operations are never deleted and each new one takes MAX(seq) + 1, so the highest seq is
      // the count, read from the (arn, seq) index instead of counting every row per checkpoint.
      countOps: db.prepare("SELECT COALESCE(MAX(seq), 0) AS n FROM operations WHERE arn = ?"),
      putEvent: db.prepare("INSERT INTO events (arn, event_id, body) VALUES (?, ?, ?)"),
      eventsAsc: db.prepare("SELECT body FROM events WHERE arn = ? AND event_id > ? ORDER BY event_id LIMIT ?"),
      eventsDesc: db.prepare("SELECT body FROM events WHERE arn = ? AND event_id < ? ORDER BY event_id DESC LIMIT ?"),
      getResponse: db.prepare("SELECT response FROM checkpoint_responses WHERE arn = ? AND client_token = ?"),
      putResponse: db.prepare("INSERT OR REPLACE INTO checkpoint_responses (arn, client_token, response) VALUES (?, ?, ?)"),
      deleteResponses: db.prepare("DELETE FROM checkpoint_responses WHERE arn = ?"),
      setExpiry: db.prepare("INSERT OR REPLACE INTO expiries (arn, at_ms) VALUES (?, ?)"),
      listExpiries: db.prepare("SELECT arn, at_ms AS atMs FROM expiries ORDER BY at_ms"),
      deleteExecution: [
        db.prepare("DELETE FROM operations WHERE arn = ?"),
        db.prepare("DELETE FROM events WHERE arn = ?"),
        db.prepare("DELETE FROM checkpoint_responses WHERE arn = ?"),
        db.prepare("DELETE FROM expiries WHERE arn = ?"),
        db.prepare("DELETE FROM executions WHERE arn = ?"),
      ],
    };
    this.seq = (this.stmts.maxSeq.get() as { seq: number }).seq;
  }

  private seq: number;

  /** Opens (creating if needed) `<dataDir>/durable-lens.sqlite`, with a clear error when it cannot. */
  static open(dataDir: string): SqliteStore {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch (e) {
      throw new DataDirectoryError(`The data directory ${dataDir} is not writable: ${(e as Error).message}`);
    }
    try {
      return new SqliteStore(new Database(join(dataDir, "durable-lens.sqlite")));
    } catch (e) {
      throw new DataDirectoryError(`Cannot open the store in ${dataDir}: ${(e as Error).message}`);
    }
  }

  /** An in-memory SQLite database, for tests of the SQL itself. */
  static inMemory(): SqliteStore {
    return new SqliteStore(new Database(":memory:"));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insertExecution(rec: ExecutionRecord): void {
    this.stmts.insertExec.run({ ...rec, record: JSON.stringify(rec) });
  }

  updateExecution(rec: ExecutionRecord): void {
    this.stmts.updateExec.run({ arn: rec.arn, status: rec.status, record: JSON.stringify(rec) });
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const row = this.stmts.getExec.get(arn) as { record: string } | undefined;
    return row && (JSON.parse(row.record) as ExecutionRecord);
  }

  findExecutionByName(functionName: string, name: string): ExecutionRecord | undefined {
    const row = this.stmts.findByName.get(functionName, name) as { record: string } | undefined;
    return row && (JSON.parse(row.record) as ExecutionRecord);
  }

  listExecutions(q: ExecutionQuery): ExecutionRecord[] {
    const where = ["function_name = @functionName"];
    const params: Record<string, unknown> = { functionName: q.functionName, limit: q.limit };
    if (q.version !== undefined) {
      where.push("version = @version");
      params.version = q.version;
    }
    if (q.nameContains !== undefined) {
      where.push("instr(name, @name) > 0");
      params.name = q.nameContains;
    }
    if (q.statuses?.length) {
      where.push(`status IN (${q.statuses.map((_, i) => `@s${i}`).join(", ")})`);
      q.statuses.forEach((s, i) => (params[`s${i}`] = s));
    }
    if (q.startedAfterMs !== undefined) {
      where.push("start_ms >= @after");
      params.after = q.startedAfterMs;
    }
    if (q.startedBeforeMs !== undefined) {
      where.push("start_ms <= @before");
      params.before = q.startedBeforeMs;
    }
    if (q.afterSeq !== undefined) {
      where.push(q.newestFirst ? "seq < @afterSeq" : "seq > @afterSeq");
      params.afterSeq = q.afterSeq;
    }
    const sql = `SELECT record FROM executions WHERE ${where.join(" AND ")} ORDER BY seq ${q.newestFirst ? "DESC" : "ASC"} LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as { record: string }[]).map((r) => JSON.parse(r.record) as ExecutionRecord);
  }

  listRunningExecutions(): ExecutionRecord[] {
    return (this.stmts.running.all() as { record: string }[]).map((r) => JSON.parse(r.record) as ExecutionRecord);
  }

  nextExecutionSeq(): number {
    return ++this.seq;
  }

  putOperation(arn: string, op: Operation): void {
    this.stmts.putOp.run({ arn, id: op.Id, body: encode(op) });
  }

  getOperation(arn: string, id: string): Operation | undefined {
    const row = this.stmts.getOp.get(arn, id) as { body: string } | undefined;
    return row && decode<Operation>(row.body);
  }

  countOperations(arn: string): number {
    return (this.stmts.countOps.get(arn) as { n: number }).n;
  }

  listOperations(arn: string): Operation[] {
    return (this.stmts.listOps.all(arn) as { body: string }[]).map((r) => decode<Operation>(r.body));
  }

  appendEvent(arn: string, event: Event): void {
    this.stmts.putEvent.run(arn, event.EventId, encode(event));
  }

  listEvents(arn: string, q: EventQuery): Event[] {
    const rows = q.reverse
      ? this.stmts.eventsDesc.all(arn, q.afterEventId ?? Number.MAX_SAFE_INTEGER, q.limit)
      : this.stmts.eventsAsc.all(arn, q.afterEventId ?? 0, q.limit);
    return (rows as { body: string }[]).map((r) => decode<Event>(r.body));
  }

  getCheckpointResponse(arn: string, clientToken: string): string | undefined {
    return (this.stmts.getResponse.get(arn, clientToken) as { response: string } | undefined)?.response;
  }

  putCheckpointResponse(arn: string, clientToken: string, response: string): void {
    this.stmts.putResponse.run(arn, clientToken, response);
  }

  deleteCheckpointResponses(arn: string): void {
    this.stmts.deleteResponses.run(arn);
  }

  setExpiry(arn: string, atMs: number): void {
    this.stmts.setExpiry.run(arn, atMs);
  }

  listExpiries(): { arn: string; atMs: number }[] {
    return this.stmts.listExpiries.all() as { arn: string; atMs: number }[];
  }

  deleteExecution(arn: string): void {
    this.transaction(() => {
      for (const statement of this.stmts.deleteExecution) statement.run(arn);
    });
  }

  close(): void {
    this.db.close();
  }
}
