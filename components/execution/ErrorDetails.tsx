import type { ErrorObject } from "@durable-lens/sdk/protocol";
import { JsonPayload } from "./JsonPayload";

/**
 * An ErrorObject: type and message, then its data (as JSON) and stack trace when present.
 *
 * @example <ErrorDetails error={attempt.error} compact />
 */
export function ErrorDetails({ error, truncated = false, compact = false }: { error: ErrorObject; truncated?: boolean; compact?: boolean }) {
  return (
    <div className={`space-y-2 rounded-md border border-red-200 bg-red-50/60 text-sm ${compact ? "p-2" : "p-3"}`} data-testid="error-details">
      <p className="break-words text-red-900">
        <span className="font-mono font-semibold" data-testid="error-type">
          {error.ErrorType ?? "Error"}
        </span>
        {error.ErrorMessage ? <span data-testid="error-message">: {error.ErrorMessage}</span> : null}
      </p>
      {truncated ? <p className="text-xs font-medium text-amber-800" data-testid="truncated-marker">Truncated by the service.</p> : null}
      {error.ErrorData ? (
        <div className="space-y-1">
          <p className="text-[11px] font-semibold uppercase tracking-wide text-red-800">Data</p>
          <JsonPayload payload={error.ErrorData} />
        </div>
      ) : null}
      {error.StackTrace && error.StackTrace.length > 0 ? (
        <details open={!compact}>
          <summary className="cursor-pointer text-xs text-red-800">Stack trace ({error.StackTrace.length} lines)</summary>
          <pre className="mt-1 max-h-60 overflow-auto whitespace-pre font-mono text-[11px] text-red-900" data-testid="stack-trace">
            {error.StackTrace.join("\n")}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
