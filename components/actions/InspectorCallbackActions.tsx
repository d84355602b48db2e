"use client";
import type { OperationView } from "@durable-lens/sdk/history";
import { useState } from "react";
import type { CallbackActionResponse } from "@/lib/action-types";
import { useActionsEnabled } from "@/lib/use-actions";
import { CallbackResponder } from "./CallbackResponder";
import { useLiveExecution } from "./live-execution";

const DONE: Record<CallbackActionResponse["action"], string> = {
  succeed: "Callback completed. The execution carries on with the result; this page refreshes as it does.",
  fail: "Callback failed. The execution carries on with the error; this page refreshes as it does.",
  heartbeat: "Heartbeat sent.",
};

/**
 * The answer form of a waiting callback, in the operation inspector of a live execution (the
 * graph and the timeline open it when a callback is selected). Nothing for other operations, for
 * histories opened from a file, or in read-only mode.
 *
 * @example <InspectorCallbackActions op={op} />
 */
export function InspectorCallbackActions({ op }: { op: OperationView }) {
  const live = useLiveExecution();
  const enabled = useActionsEnabled();
  const [sent, setSent] = useState<CallbackActionResponse>();
  const callbackId = op.callback?.callbackId;
  if (!live || !enabled || op.type !== "CALLBACK" || !callbackId) return null;
  const outcome = sent?.callbackId === callbackId ? sent : undefined;
  const waiting = live.running && op.status === "STARTED";
  if (!waiting && !outcome) return null;
  return (
    <section className="space-y-2" data-testid="callback-actions">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Answer this callback</h3>
      {outcome ? (
        <p role="status" className="rounded-md bg-emerald-50 p-2 text-xs text-emerald-900" data-testid="callback-action-outcome">
          {DONE[outcome.action]}
        </p>
      ) : null}
      {waiting && outcome?.action !== "succeed" && outcome?.action !== "fail" ? (
        <CallbackResponder callbackId={callbackId} heartbeatTimeoutSeconds={op.callback?.heartbeatTimeoutSeconds} onSent={setSent} />
      ) : null}
    </section>
  );
}
