"use client";
import type { Event } from "@durable-lens/sdk/protocol";
import { useState } from "react";
import { inputStyle, labelStyle } from "@/components/actions/styles";
import { SimulatorPanel } from "./SimulatorPanel";

/**
 * The simulator for a history read from a file: a file does not say which function wrote it,
 * so the user names it (to find its sample or the local service's bundle) or uploads its code.
 *
 * @example <FileSimulator events={events} fileName="order.history.json" />
 */
export function FileSimulator({ events, fileName }: { events: readonly Event[]; fileName: string }) {
  const [functionName, setFunctionName] = useState("");
  const [open, setOpen] = useState(false);
  return (
    <details className="rounded-lg border border-zinc-200 bg-zinc-50 p-4" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="file-simulator">
      <summary className="cursor-pointer text-sm font-semibold text-zinc-800">Replay {fileName} with code</summary>
      {open ? (
        <div className="mt-3 space-y-3">
          <label className={labelStyle}>
            Function name (for its sample or the local service&apos;s bundle; any name for an uploaded module)
            <input className={`${inputStyle} max-w-sm font-mono`} value={functionName} onChange={(e) => setFunctionName(e.target.value.trim())} placeholder="order-processor" data-testid="file-simulator-function" />
          </label>
          <SimulatorPanel key={functionName} recording={events} functionName={functionName || "function"} />
        </div>
      ) : null}
    </details>
  );
}
