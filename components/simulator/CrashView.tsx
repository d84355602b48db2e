"use client";
import type { CodeError } from "@durable-lens/sdk/replay";
import { crashWhereText } from "./crash-text";

/**
 * An exception of the workflow's code: type and message, where the simulation was, the stack.
 * The simulator's pause, its end and the code check show a crash the same way.
 *
 * @example <CrashView error={pause.error} />
 */
export function CrashView({ error }: { error: CodeError }) {
  return (
    <div className="min-w-0 space-y-2" data-testid="crash" data-error-type={error.errorType}>
      <p className="break-words font-mono text-sm text-red-900" data-testid="crash-message">
        <span className="font-semibold">{error.errorType}</span>: {error.message}
      </p>
      <p className="text-xs text-zinc-600" data-testid="crash-where">
        {crashWhereText(error)}
      </p>
      {error.stack?.length ? (
        <pre className="max-h-60 overflow-auto whitespace-pre rounded bg-red-50/70 p-2 font-mono text-[11px] text-red-900" data-testid="crash-stack">
          {error.stack.join("\n")}
        </pre>
      ) : (
        <p className="text-xs text-zinc-500" data-testid="crash-stack-missing">
          No stack: the runtime reported only the error&apos;s type and message.
        </p>
      )}
    </div>
  );
}
