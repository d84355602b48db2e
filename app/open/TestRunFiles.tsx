"use client";
import type { HistoryDirFile } from "@/lib/history-dir-types";
import { formatBytes, formatTimestamp } from "@/lib/format";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { runStatus, useTestRuns } from "./test-runs";

/**
 * The runs the test runners wrote to DURABLE_LENS_HISTORY_DIR, newest first, each opened with
 * a click. Shows nothing when the server has no such folder configured.
 *
 * @example <TestRunFiles onOpen={(file) => openFromServer(file)} />
 */
export function TestRunFiles({ onOpen }: { onOpen: (file: HistoryDirFile) => void }) {
  const runs = useTestRuns();
  if (runs.error) return <QueryErrorBox title="The test runs folder cannot be listed" error={runs.error} />;
  const data = runs.data;
  if (!data?.configured) return null;
  return (
    <section data-testid="test-run-files" aria-labelledby="test-runs-heading" className="rounded-xl border border-zinc-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="min-w-0">
          <h2 id="test-runs-heading" className="text-base font-semibold text-zinc-800">
            Runs from your tests
          </h2>
          <p className="text-sm text-zinc-600">
            Histories written by the test runners to <code className="break-all font-mono">{data.directory}</code> (DURABLE_LENS_HISTORY_DIR), newest first.
          </p>
        </div>
        <button
          type="button"
          onClick={() => void runs.refetch()}
          disabled={runs.isFetching}
          className="rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm hover:bg-zinc-100 disabled:opacity-60"
        >
          {runs.isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {data.files.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-600">No runs yet: run your tests with the same DURABLE_LENS_HISTORY_DIR and they appear here.</p>
      ) : (
        <ul className="mt-3 max-h-96 divide-y divide-zinc-100 overflow-auto rounded-md border border-zinc-100">
          {data.files.map((file) => {
            const status = runStatus(file.name);
            return (
              <li key={file.name}>
                <button
                  type="button"
                  data-testid="test-run-file"
                  onClick={() => onOpen(file)}
                  className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-left hover:bg-sky-50 focus:bg-sky-50 focus:outline-none"
                >
                  {status ? <StatusBadge status={status} /> : null}
                  <span className="min-w-0 flex-1 break-all font-mono text-sm text-zinc-800">{file.name}</span>
                  <span className="text-xs text-zinc-500">
                    {formatTimestamp(file.modified)} · {formatBytes(file.size)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {data.more > 0 ? <p className="mt-2 text-xs text-zinc-500">{data.more.toLocaleString("en-US")} older files are not listed.</p> : null}
    </section>
  );
}
