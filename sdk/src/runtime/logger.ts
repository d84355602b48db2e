/** A logger the runtime can hand to user code; `console` and Powertools' Logger both fit. */
export interface DurableLogger {
  log?(level: "INFO" | "WARN" | "ERROR" | "DEBUG", ...params: unknown[]): void;
  error(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  info(...params: unknown[]): void;
  debug(...params: unknown[]): void;
}

/** The logger user code sees on a context. */
export type DurableContextLogger = Pick<DurableLogger, "error" | "warn" | "info" | "debug"> & {
  log(level: "INFO" | "WARN" | "ERROR" | "DEBUG", ...params: unknown[]): void;
};

/** Fields the default logger adds to every line. */
export interface DurableLogData {
  requestId?: string;
  executionArn: string;
  operationId?: string;
  attempt?: number;
}

function formatMessage(params: unknown[]): string {
  return params
    .map((p) => (typeof p === "string" ? p : p instanceof Error ? `${p.name}: ${p.message}` : safeJson(p)))
    .join(" ");
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * One JSON line per call with the execution's fields, as the official default logger writes.
 * `shouldLog` lets the runtime silence lines while code replays.
 */
export function createContextLogger(
  data: () => DurableLogData,
  shouldLog: () => boolean,
  sink: (line: string, level: string) => void = (line, level) =>
    (level === "ERROR" ? console.error : level === "WARN" ? console.warn : console.log)(line),
): DurableContextLogger {
  const log = (level: "INFO" | "WARN" | "ERROR" | "DEBUG", ...params: unknown[]) => {
    if (!shouldLog()) return;
    const err = params.find((p): p is Error => p instanceof Error);
    const line: Record<string, unknown> = { timestamp: new Date().toISOString(), level, ...data(), message: formatMessage(params) };
    if (err) {
      line.errorType = err.name;
      line.errorMessage = err.message;
    }
    sink(JSON.stringify(line), level);
  };
  return {
    log,
    error: (...p) => log("ERROR", ...p),
    warn: (...p) => log("WARN", ...p),
    info: (...p) => log("INFO", ...p),
    debug: (...p) => log("DEBUG", ...p),
  };
}
