import type { ErrorObject } from "@durable-lens/sdk/protocol";
import { PayloadView } from "./PayloadView";

/** An ErrorObject: type and message, then data and stack trace when present. */
export function ErrorObjectView({ error }: { error: ErrorObject }) {
  return (
    <div className="space-y-2 rounded-md border border-red-200 bg-red-50/60 p-3 text-sm">
      <p className="break-words text-red-900">
        <span className="font-mono font-semibold">{error.ErrorType ?? "Error"}</span>
        {error.ErrorMessage ? <span>: {error.ErrorMessage}</span> : null}
      </p>
      {error.ErrorData ? <PayloadView payload={error.ErrorData} /> : null}
      {error.StackTrace && error.StackTrace.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-xs text-red-800">Stack trace</summary>
          <pre className="mt-1 max-h-60 overflow-auto whitespace-pre font-mono text-[11px] text-red-900">{error.StackTrace.join("\n")}</pre>
        </details>
      ) : null}
    </div>
  );
}
