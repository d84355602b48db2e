import Database from "better-sqlite3";
import { accessSync, constants, existsSync, mkdirSync, statSync, statfsSync } from "node:fs";
import { dirname, join } from "node:path";
import { ServiceError, reviveTimestamps, toEventJson, type Event, type Operation } from "../protocol/index.js";
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
CREATE TABLE IF NOT EXISTS write_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
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

/**
 * A write the store could not make (a full disk, a file turned read-only, an I/O error). The
 * transaction it was part of is rolled back, so nothing of the request is kept; API callers get
 * a 500 ServiceException whose message says why and where, and may retry once it is fixed.
 */
export class StoreWriteError extends ServiceError {
  constructor(
    readonly dataDir: string,
    readonly sqliteCode: string,
    /** Why, in words: "the disk is full …". */
    readonly reason: string,
  ) {
    super("ServiceException", `The local durable service cannot write its store in ${dataDir}: ${reason} (${sqliteCode}). Nothing of this request was stored; retry once that is fixed.`);
  }
}

/** What a failure of the file system means, for someone who has to fix it. */
function describeFailure(e: unknown, dataDir: string): { code: string; cause: string } | undefined {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== "string") return undefined;
  const free = freeBytes(dataDir);
  const full = `the disk is full${free !== undefined ? ` (${free} bytes free)` : ""} or the store reached its size limit`;
  if (code === "SQLITE_FULL" || code === "ENOSPC") return { code, cause: full };
  // SQLite reports a full disk as an I/O error when it is the shared-memory file that cannot grow.
  if ((code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")) && free !== undefined && free < NEARLY_FULL_BYTES) return { code, cause: full };
  if (code === "EDQUOT") return { code, cause: "the disk quota of the user running the service is used up" };
  if (code === "EROFS" || code === "SQLITE_READONLY_DIRECTORY") return { code, cause: "it is on a read-only file system, or the directory cannot be written" };
  if (code.startsWith("SQLITE_READONLY")) return { code, cause: "the store is read-only: its file or its directory cannot be written by the user running the service" };
  if (code === "EACCES" || code === "EPERM") return { code, cause: "permission denied: the user running the service cannot write there" };
  if (code.startsWith("SQLITE_IOERR") || code === "EIO") return { code, cause: "the disk reported an I/O error" };
  if (code.startsWith("SQLITE_CANTOPEN")) return { code, cause: "a file of the store cannot be created or opened there" };
  if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB") return { code, cause: `${join(dataDir, STORE_FILE)} is damaged or is not a Durable Lens store` };
  return undefined;
}

const STORE_FILE = "durable-lens.sqlite";
/** Below this much free space, an I/O error is taken for a full disk. */
const NEARLY_FULL_BYTES = 1024 * 1024;

/** Free bytes on the file system holding `dir` (or its nearest existing parent), if it can be told. */
function freeBytes(dir: string): number | undefined {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    const fs = statfsSync(at);
    return fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
}

/** The nearest part of `dir` that exists and is a file: why it cannot be a directory. */
function fileInTheWay(dir: string): string | undefined {
  for (let at = dir; dirname(at) !== at; at = dirname(at)) {
    if (existsSync(at)) return statSync(at).isDirectory() ? undefined : at;
  }
  return undefined;
}

/**
 * `mkdir -p`, failing with the error of the directory that could not be made: Node's recursive
 * mkdir reports ENOENT for a parent on a read-only file system, which names no cause.
 */
function makeDirectory(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) mkdirSync(dir); // EEXIST, as mkdir -p says
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  mkdirSync(dir);
}

/** The message of a data directory that cannot be made or written. */
function unusableDirectory(dataDir: string, e: unknown): DataDirectoryError {
  const code = (e as { code?: unknown })?.code;
  const file = code === "ENOTDIR" || code === "EEXIST" ? fileInTheWay(dataDir) : undefined;
  if (file !== undefined) {
    return new DataDirectoryError(`The data directory ${dataDir} cannot be used: ${file} is a file, not a directory. Choose another --data-dir (DURABLE_LENS_DATA_DIR).`);
  }
  const known = describeFailure(e, dataDir);
  const why = known ? `${known.cause} (${known.code})` : (e as Error).message;
  return new DataDirectoryError(`The data directory ${dataDir} is not writable: ${why}. Choose another --data-dir (DURABLE_LENS_DATA_DIR) or fix it.`);
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

  private constructor(
    private readonly db: Database.Database,
    /** Where the store lives, for error messages ("" in memory). */
    private readonly dataDir: string,
  ) {
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
      probe: db.prepare("INSERT OR REPLACE INTO write_probe (id, at_ms) VALUES (1, ?)"),
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

  /**
   * Opens (creating if needed) `<dataDir>/durable-lens.sqlite` and makes one write, so a store
   * that cannot be written (read-only, a full disk) fails here, with a message naming the
   * directory and the cause, rather than on the first checkpoint. `maxPages` caps the database
   * (SQLite's max_page_count): a store that reaches it refuses writes as a full disk does.
   *
   * @example const store = SqliteStore.open(".durable-lens");
   */
  static open(dataDir: string, options: { maxPages?: number } = {}): SqliteStore {
    try {
      makeDirectory(dataDir);
      accessSync(dataDir, constants.W_OK);
    } catch (e) {
      throw unusableDirectory(dataDir, e);
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(join(dataDir, STORE_FILE));
      const store = new SqliteStore(db, dataDir);
      if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
      store.write(() => store.stmts.probe.run(Date.now()));
      return store;
    } catch (e) {
      db?.close();
      const known = e instanceof StoreWriteError ? { code: e.sqliteCode, cause: e.reason } : describeFailure(e, dataDir);
      throw new DataDirectoryError(`Cannot open the store in ${dataDir}: ${known ? `${known.cause} (${known.code})` : (e as Error).message}. Choose another --data-dir (DURABLE_LENS_DATA_DIR) or fix it.`);
    }
  }

  /** An in-memory SQLite database, for tests of the SQL itself. */
  static inMemory(): SqliteStore {
    return new SqliteStore(new Database(":memory:"), "");
  }

  /** Runs a write, turning a failure of the disk under it into a {@link StoreWriteError}. */
  private write<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof StoreWriteError || !(e instanceof Database.SqliteError)) throw e;
      const known = describeFailure(e, this.dataDir);
      if (!known) throw e;
      throw new StoreWriteError(this.dataDir || ":memory:", known.code, known.cause);
    }
  }

  transaction<T>(fn: () => T): T {
    return this.write(() => this.db.transaction(fn)());
  }

  insertExecution(rec: ExecutionRecord): void {
    this.write(() => this.stmts.insertExec.run({ ...rec, record: JSON.stringify(rec) }));
  }

  updateExecution(rec: ExecutionRecord): void {
    this.write(() => this.stmts.updateExec.run({ arn: rec.arn, status: rec.status, record: JSON.stringify(rec) }));
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
    this.write(() => this.stmts.putOp.run({ arn, id: op.Id, body: encode(op) }));
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
    this.write(() => this.stmts.putEvent.run(arn, event.EventId, encode(event)));
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
    this.write(() => this.stmts.putResponse.run(arn, clientToken, response));
  }

  deleteCheckpointResponses(arn: string): void {
    this.write(() => this.stmts.deleteResponses.run(arn));
  }

  setExpiry(arn: string, atMs: number): void {
    this.write(() => this.stmts.setExpiry.run(arn, atMs));
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
