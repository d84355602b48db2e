"use client";
import { useEffect } from "react";
import type { HeartbeatAwareProps } from "./callback-form-props";
import { formatDuration } from "@/lib/format";
import { noteHeartbeat, useLastHeartbeat } from "@/lib/heartbeat-log";
import { useCallbackAction } from "@/lib/use-actions";
import { ActionError } from "./ActionError";
import { buttonStyles } from "./styles";

/**
 * Sends a heartbeat: the callback's heartbeat timeout starts over, and it keeps waiting.
 *
 * @example <HeartbeatForm callbackId={id} heartbeatTimeoutSeconds={300} />
 */
export function HeartbeatForm({
  callbackId,
  heartbeatTimeoutSeconds,
  onSent,
  onDraft,
}: HeartbeatAwareProps) {
  const mutation = useCallbackAction();
  const last = useLastHeartbeat(callbackId);
  useEffect(() => onDraft?.({ action: "heartbeat" }), [onDraft]);
  const send = () =>
    mutation.mutate(
      { action: "heartbeat", callbackId },
      {
        onSuccess: (sent) => {
          noteHeartbeat(callbackId, Date.parse(sent.sentAt));
          onSent?.(sent);
        },
      },
    );
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600">
        {heartbeatTimeoutSeconds
          ? `A heartbeat tells Lambda the work behind this callback is still going: the ${formatDuration(heartbeatTimeoutSeconds * 1000)} heartbeat timeout starts over.`
          : "This callback has no heartbeat timeout, so a heartbeat changes nothing; Lambda still accepts it."}
      </p>
      <ActionError title="Could not send the heartbeat" error={mutation.error} />
      <div className="flex items-center gap-3">
        <button type="button" className={buttonStyles.secondary} onClick={send} disabled={mutation.isPending}>
          {mutation.isPending ? "Sending…" : "Send heartbeat"}
        </button>
        {last ? (
          <span role="status" className="text-xs text-emerald-700">
            Heartbeat sent at {new Date(last).toLocaleTimeString()}
          </span>
        ) : null}
      </div>
    </div>
  );
}
