"use client";
import { useState } from "react";
import type { CallbackAction } from "@/lib/action-types";
import type { HeartbeatAwareProps } from "./callback-form-props";
import { CallbackFailureForm } from "./CallbackFailureForm";
import { CallbackSuccessForm } from "./CallbackSuccessForm";
import { HeartbeatForm } from "./HeartbeatForm";

const TABS: { action: CallbackAction; label: string }[] = [
  { action: "succeed", label: "Succeed" },
  { action: "fail", label: "Fail" },
  { action: "heartbeat", label: "Heartbeat" },
];

/**
 * The three answers to a waiting callback (success with a result, failure with an error, a
 * heartbeat), one tab each.
 *
 * @example <CallbackResponder callbackId={cb.callbackId} heartbeatTimeoutSeconds={cb.heartbeatTimeoutSeconds} onSent={note} />
 */
export function CallbackResponder({
  callbackId,
  heartbeatTimeoutSeconds,
  onSent,
  onDraft,
}: HeartbeatAwareProps) {
  const [tab, setTab] = useState<CallbackAction>("succeed");
  return (
    <div className="space-y-3" data-testid="callback-responder">
      <div role="tablist" aria-label="Answer" className="inline-flex rounded-md border border-zinc-300 p-0.5">
        {TABS.map((t) => (
          <button
            key={t.action}
            type="button"
            role="tab"
            aria-selected={tab === t.action}
            onClick={() => setTab(t.action)}
            className={`rounded px-3 py-1 text-sm ${tab === t.action ? "bg-zinc-800 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab}>
        {tab === "succeed" ? <CallbackSuccessForm callbackId={callbackId} onSent={onSent} onDraft={onDraft} /> : null}
        {tab === "fail" ? <CallbackFailureForm callbackId={callbackId} onSent={onSent} onDraft={onDraft} /> : null}
        {tab === "heartbeat" ? <HeartbeatForm callbackId={callbackId} heartbeatTimeoutSeconds={heartbeatTimeoutSeconds} onSent={onSent} onDraft={onDraft} /> : null}
      </div>
    </div>
  );
}
