"use client";
import type { Event } from "@durable-lens/sdk/protocol";
import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { formatBytes } from "@/lib/format";
import type { HistoryDirFile } from "@/lib/history-dir-types";
import { MAX_HISTORY_FILE_BYTES, readHistoryText, type HistoryFileError } from "@/lib/history-file";
import { ExecutionWorkspace } from "@/components/execution/ExecutionWorkspace";
import { FileSimulator } from "@/components/simulator/FileSimulator";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { FilePicker } from "./FilePicker";
import { HistoryFileErrorView } from "./HistoryFileErrorView";
import { afterPaint, readFileText } from "./read-file";
import { fetchTestRun, useTestRuns } from "./test-runs";
import { TestRunFiles } from "./TestRunFiles";
import { useFileDrop } from "./use-file-drop";

interface FileInfo {
  name: string;
  size: number;
}

type Phase =
  | { kind: "idle" }
  | { kind: "reading"; file: FileInfo; loaded: number }
  | { kind: "parsing"; file: FileInfo }
  | { kind: "failed"; file: FileInfo; error: HistoryFileError }
  | { kind: "unreadable"; file: FileInfo; message: string }
  | { kind: "shown"; file: FileInfo; events: Event[]; problems: string[]; missing: number };

/** Performance marks, so the time each stage takes shows in the browser's profiler (and in e2e/perf). */
function mark(name: string): void {
  performance.mark(`durable-lens:open:${name}`);
}

function Progress({ label, fraction }: { label: string; fraction?: number }) {
  return (
    <div role="status" data-testid="open-progress" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-6">
      <p className="text-sm text-zinc-700">{label}</p>
      <div className="h-1.5 overflow-hidden rounded-full bg-zinc-100">
        {fraction === undefined ? (
          <div className="h-full w-1/3 animate-pulse rounded-full bg-sky-500" />
        ) : (
          <div className="h-full rounded-full bg-sky-500 transition-[width]" style={{ width: `${Math.round(fraction * 100)}%` }} />
        )}
      </div>
    </div>
  );
}

/**
 * The open-a-history-file page: pick or drop a file, see it read and checked, then the same
 * execution view as a live execution. Nothing leaves the browser.
 */
export function OpenHistory() {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  // A second file chosen while the first is still being read wins; the first one's result is dropped.
  const current = useRef(0);

  const open = useCallback(async (picked: File) => {
    const id = ++current.current;
    const file: FileInfo = { name: picked.name, size: picked.size };
    mark("start");
    if (picked.size > MAX_HISTORY_FILE_BYTES) {
      setPhase({ kind: "unreadable", file, message: `The file is ${formatBytes(picked.size)}; files up to ${formatBytes(MAX_HISTORY_FILE_BYTES)} can be opened.` });
      return;
    }
    setPhase({ kind: "reading", file, loaded: 0 });
    let text: string;
    try {
      text = await readFileText(picked, (loaded) => id === current.current && setPhase({ kind: "reading", file, loaded }));
    } catch (e) {
      if (id === current.current) setPhase({ kind: "unreadable", file, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (id !== current.current) return;
    mark("read");
    setPhase({ kind: "parsing", file });
    await afterPaint();
    if (id !== current.current) return;
    mark("check");
    const result = readHistoryText(text);
    mark("parsed");
    if (id !== current.current) return;
    setPhase(result.ok ? { kind: "shown", file, events: result.events, problems: result.problems, missing: 0 } : { kind: "failed", file, error: result });
  }, []);

  /** A run from the test runners' folder: downloaded from the server, then read like a picked file. */
  const openTestRun = useCallback(
    async (run: HistoryDirFile) => {
      const id = ++current.current;
      const file: FileInfo = { name: run.name, size: run.size };
      setPhase({ kind: "reading", file, loaded: 0 });
      try {
        const picked = await fetchTestRun(run.name);
        if (id === current.current) await open(picked);
      } catch (e) {
        if (id === current.current) setPhase({ kind: "unreadable", file, message: e instanceof Error ? e.message : String(e) });
      }
    },
    [open],
  );

  const dragging = useFileDrop(open);
  const testRuns = useTestRuns();

  const showReadable = () => {
    if (phase.kind !== "failed" || !phase.error.readable) return;
    const { events, problems, unread } = phase.error.readable;
    setPhase({ kind: "shown", file: phase.file, events, problems, missing: unread });
  };

  return (
    <div className={phase.kind === "shown" ? "space-y-2" : "space-y-4"} data-testid="open-history">
      {dragging ? (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-500/10 backdrop-blur-[1px]" aria-hidden>
          <p className="rounded-lg bg-white px-6 py-4 text-base font-medium text-sky-800 shadow-lg ring-1 ring-sky-300">Drop the history file to open it</p>
        </div>
      ) : null}

      <div className={`flex flex-wrap justify-between gap-3 ${phase.kind === "shown" ? "items-center" : "items-end"}`}>
        {/* Once a file is shown, one line: the workspace below needs the height. */}
        <div className={phase.kind === "shown" ? "flex min-w-0 flex-wrap items-baseline gap-x-3" : "min-w-0"}>
          <nav className="text-sm text-zinc-500" aria-label="Breadcrumb">
            <Link href="/" className="hover:underline">
              Functions
            </Link>{" "}
            / history file
          </nav>
          {/* Once shown, the execution header below names the file; a second heading would repeat it. */}
          {phase.kind === "shown" ? (
            <p className="text-sm text-zinc-600" data-testid="file-summary">
              <span className="font-mono text-zinc-800">{phase.file.name}</span> · {phase.events.length.toLocaleString("en-US")} events ·{" "}
              {formatBytes(phase.file.size)} · read in your browser, nothing uploaded
            </p>
          ) : (
            <h1 className="mt-1 text-xl font-semibold tracking-tight">
              {phase.kind === "idle" ? "Open a history file" : <span className="break-all font-mono">{phase.file.name}</span>}
            </h1>
          )}
        </div>
        {phase.kind !== "idle" ? (
          <div className="flex flex-wrap items-center gap-2">
            {testRuns.data?.configured ? (
              <button
                type="button"
                onClick={() => {
                  // Whatever is still being read is dropped.
                  current.current += 1;
                  setPhase({ kind: "idle" });
                }}
                className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-100"
              >
                Runs from your tests…
              </button>
            ) : null}
            <FilePicker onFile={open} compact />
          </div>
        ) : null}
      </div>

      {phase.kind === "idle" ? <FilePicker onFile={open} /> : null}
      {phase.kind === "idle" ? <TestRunFiles onOpen={(run) => void openTestRun(run)} /> : null}
      {phase.kind === "reading" ? (
        <Progress label={`Reading ${phase.file.name}… ${formatBytes(phase.loaded)} of ${formatBytes(phase.file.size)}`} fraction={phase.file.size > 0 ? phase.loaded / phase.file.size : undefined} />
      ) : null}
      {phase.kind === "parsing" ? <Progress label={`Checking the events of ${phase.file.name} (${formatBytes(phase.file.size)})…`} /> : null}
      {phase.kind === "unreadable" ? <ErrorBox title={`${phase.file.name} cannot be opened`} message={phase.message} /> : null}
      {phase.kind === "failed" ? <HistoryFileErrorView fileName={phase.file.name} error={phase.error} onShowReadable={showReadable} /> : null}
      {phase.kind === "shown" ? (
        <>
          {phase.missing > 0 ? (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              {phase.missing.toLocaleString("en-US")} events of this file could not be read and are missing below; the problems are listed with the
              execution.
            </p>
          ) : null}
          <ExecutionWorkspace key={`${phase.file.name}:${phase.events.length}`} events={phase.events} problems={phase.problems} source="file" title={phase.file.name} />
          <FileSimulator key={`sim:${phase.file.name}:${phase.events.length}`} events={phase.events} fileName={phase.file.name} />
        </>
      ) : null}
    </div>
  );
}

