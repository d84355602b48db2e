import type { CallbackActionResponse } from "@/lib/action-types";
import type { SnippetAnswer } from "@/lib/callback-snippets";

/** What every form answering a waiting callback takes. */
export interface CallbackFormProps {
  callbackId: string;
  onSent?: (sent: CallbackActionResponse) => void;
  /** What the open form would send, for snippets that do the same. */
  onDraft?: (answer: SnippetAnswer) => void;
}

/** The forms that also show when the heartbeat timeout runs out. */
export interface HeartbeatAwareProps extends CallbackFormProps {
  heartbeatTimeoutSeconds?: number;
}
