type Level = "INFO" | "WARN" | "ERROR" | "DEBUG";

/** A logger the runtime can hand to user code; `console` and Powertools' Logger both fit. */
export interface DurableLogger {
  log?(level: Level, ...params: unknown[]): void;
  error(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  info(...params: unknown[]): void;
  debug(...params: unknown[]): void;
  /** Called before each line with the fields of the scope the line comes from. */
  configureDurableLoggingContext?(context: DurableLoggingContext): void;
}

/** The logger user code sees on a context. */
export type DurableContextLogger = Pick<DurableLogger, "error" | "warn" | "info" | "debug"> & {
  log(level: Level, ...params: unknown[]): void;
};

/** Fields the default logger adds to every line. */
export interface DurableLogData {
  requestId: string;
  executionArn: string;
  tenantId?: string;
  /** Hashed id of the step or child context the line comes from; absent at the root. */
  operationId?: string;
  operationName?: string;
  attempt?: number;
  [key: string]: unknown;
}

export interface DurableLoggingContext {
  getDurableLogData(): DurableLogData;
}

/** `context.configureLogger` input; fields left out keep their current value. */
export interface LoggerConfig<L extends DurableLogger = DurableLogger> {
  customLogger?: L;
  /** Silence lines while code replays (default true). */
  modeAware?: boolean;
}

const PRIORITY: Record<Level, number> = { DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5 };

function readLevel(): number {
  // Read through globalThis so the runtime still loads where `process` does not exist.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const level = env?.AWS_LAMBDA_LOG_LEVEL?.toUpperCase() as Level | undefined;
  return level && level in PRIORITY ? PRIORITY[level] : PRIORITY.DEBUG;
}

/**
 * The official SDK's switch for its own debug trace (it re-reads `DURABLE_VERBOSE_MODE`).
 * This runtime writes no such trace, and its default logger reads `AWS_LAMBDA_LOG_LEVEL`
 * each time one is built, so there is nothing to refresh: kept so code calling it compiles
 * and runs unchanged.
 *
 * @example refreshLogConfig(); // no effect
 */
export function refreshLogConfig(): void {}

/** Where the default logger writes one finished line. */
export type LogSink = (line: string, level: Level) => void;

/** The global `console`, by level: what a browser or any non-Node host has. */
const globalConsoleSink = (): LogSink => (line, level) =>
  (level === "ERROR" ? console.error : level === "WARN" ? console.warn : level === "DEBUG" ? console.debug : console.info)(line);

let defaultSink: () => LogSink = globalConsoleSink;

/**
 * Sets where default loggers built from now on write. The Node entry installs a `Console`
 * bound to the process's stdout and stderr, as the official SDK writes; without one the global
 * `console` is used.
 *
 * @example installDefaultLogSink(() => (line, level) => lines.push({ line, level }))
 */
export function installDefaultLogSink(next: (() => LogSink) | undefined): void {
  defaultSink = next ?? globalConsoleSink;
}

/** A printf-like join in the spirit of `util.format`, without Node's `util`. */
export function formatParams(params: unknown[]): string {
  const show = (v: unknown) =>
    typeof v === "string" ? v : v instanceof Error ? (v.stack ?? `${v.name}: ${v.message}`) : safeJson(v);
  const [first, ...rest] = params;
  let head = "";
  if (typeof first === "string") {
    head = first.replace(/%[sdifjoO%]/g, (token) => {
      if (token === "%%") return "%";
      if (rest.length === 0) return token;
      const v = rest.shift();
      if (token === "%d" || token === "%i") return String(token === "%i" ? Math.trunc(Number(v)) : Number(v));
      if (token === "%f") return String(Number(v));
      return token === "%s" ? (typeof v === "string" ? v : show(v)) : safeJson(v);
    });
  } else if (params.length > 0) {
    head = show(first);
  }
  return [head, ...rest.map(show)].join(" ");
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function errorFields(e: Error) {
  return { errorType: e.constructor?.name ?? "UnknownError", errorMessage: e.message, stackTrace: e.stack?.split("\n") ?? [] };
}

/**
 * The default logger: one JSON line per call, with the execution's fields, in the official
 * SDK's shape, gated by `AWS_LAMBDA_LOG_LEVEL` as it is when the logger is built. Lines go to
 * `sink`, by default the installed one (see {@link installDefaultLogSink}). `enrich` adds
 * fields (plugins' `enrichLogContext`).
 *
 * @example createDefaultLogger().info("charged", { amount: 3 })
 */
export function createDefaultLogger(enrich?: () => Record<string, unknown> | undefined, sink: LogSink = defaultSink()): DurableLogger {
  const minimumPriority = readLevel();
  let loggingContext: DurableLoggingContext | undefined;
  const write = (level: Level, params: unknown[]) => {
    if (PRIORITY[level] < minimumPriority) return;
    const data = loggingContext?.getDurableLogData();
    const line: Record<string, unknown> = { requestId: data?.requestId, timestamp: new Date().toISOString(), level, executionArn: data?.executionArn };
    if (data?.tenantId != null) line.tenantId = data.tenantId;
    if (data?.operationId !== undefined) line.operationId = data.operationId;
    if (data?.operationName !== undefined) line.operationName = data.operationName;
    if (data?.attempt !== undefined) line.attempt = data.attempt;
    try {
      Object.assign(line, enrich?.());
    } catch {
      // A plugin's enrichment must never break logging.
    }
    if (params.length === 1 && !(params[0] instanceof Error)) {
      line.message = params[0];
      try {
        return sink(JSON.stringify(line), level);
      } catch {
        // Circular or otherwise unserializable: fall through to the formatted form.
      }
    }
    line.message = formatParams(params);
    const err = params.find((p): p is Error => p instanceof Error);
    if (err) Object.assign(line, errorFields(err));
    sink(JSON.stringify(line), level);
  };
  return {
    log: (level, ...p) => write(level in PRIORITY ? level : "INFO", p),
    error: (...p) => write("ERROR", p),
    warn: (...p) => write("WARN", p),
    info: (...p) => write("INFO", p),
    debug: (...p) => write("DEBUG", p),
    configureDurableLoggingContext: (context) => {
      loggingContext = context;
    },
  };
}

/**
 * What a context or step hands to user code: forwards to `logger` unless `shouldLog` says the
 * line is a replayed duplicate. The scope's fields are set on the logger right before each
 * line, because one logger object serves every scope of an invocation.
 */
export function scopedLogger(logger: DurableLogger, data: () => DurableLogData, shouldLog: () => boolean): DurableContextLogger {
  const context: DurableLoggingContext = { getDurableLogData: data };
  const forward =
    (method: "error" | "warn" | "info" | "debug") =>
    (...params: unknown[]) => {
      if (!shouldLog()) return;
      logger.configureDurableLoggingContext?.(context);
      return logger[method](...params);
    };
  return {
    error: forward("error"),
    warn: forward("warn"),
    info: forward("info"),
    debug: forward("debug"),
    log: (level, ...params) => {
      if (!shouldLog()) return;
      logger.configureDurableLoggingContext?.(context);
      if (logger.log) return logger.log(level, ...params);
      const method = level === "ERROR" ? "error" : level === "WARN" ? "warn" : level === "DEBUG" ? "debug" : "info";
      return logger[method](...params);
    },
  };
}
