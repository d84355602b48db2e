"use client";
import { useRef } from "react";

/** The drop zone with a button for the file dialog; `compact` is the one-line form shown above an open history. */
export function FilePicker({ onFile, compact = false }: { onFile: (file: File) => void; compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const picker = (
    <input
      ref={input}
      type="file"
      accept=".json,application/json"
      className="sr-only"
      data-testid="history-file-input"
      aria-label="Choose a history file"
      onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared so that choosing the same file again (after fixing it) still fires a change.
        e.target.value = "";
        if (file) onFile(file);
      }}
    />
  );
  if (compact) {
    return (
      <>
        {picker}
        <button type="button" onClick={() => input.current?.click()} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-100">
          Open another file…
        </button>
      </>
    );
  }
  return (
    <div
      data-testid="drop-zone"
      className="flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed border-zinc-300 bg-white px-6 py-16 text-center"
    >
      {picker}
      <svg viewBox="0 0 24 24" className="h-10 w-10 text-zinc-400" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
        <path d="M12 16V4m0 0l-4 4m4-4l4 4" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2" strokeLinecap="round" />
      </svg>
      <p className="text-base font-medium text-zinc-800">Drop a history file here</p>
      <p className="max-w-md text-sm text-zinc-600">
        A JSON file with the events of one execution: the <code className="font-mono">Events</code> array GetDurableExecutionHistory returns,{" "}
        <code className="font-mono">{'{ "Events": [...] }'}</code> or a bare array. It is read in your browser and never uploaded.
      </p>
      <button type="button" onClick={() => input.current?.click()} className="rounded-md bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700">
        Choose a file…
      </button>
    </div>
  );
}
