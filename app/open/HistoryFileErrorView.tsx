import type { HistoryFileError } from "@/lib/history-file";
import { ErrorBox } from "@/components/ui/ErrorBox";

/** Why a file cannot be shown, with its specifics, and the way out when part of it can. */
export function HistoryFileErrorView({ fileName, error, onShowReadable }: { fileName: string; error: HistoryFileError; onShowReadable: () => void }) {
  return (
    <ErrorBox title={`${fileName} cannot be opened`} message={error.message}>
      {error.details.length > 0 ? (
        <ul data-testid="file-problems" className="max-h-72 space-y-1 overflow-auto rounded-md border border-red-200 bg-white p-3 font-mono text-xs text-red-900">
          {error.details.map((d, i) => (
            <li key={i} className="whitespace-pre-wrap break-words">
              {d}
            </li>
          ))}
        </ul>
      ) : null}
      {error.readable ? (
        <button type="button" onClick={onShowReadable} className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-sm hover:bg-red-100">
          Show the {error.readable.events.length.toLocaleString("en-US")} readable events anyway
        </button>
      ) : null}
    </ErrorBox>
  );
}
