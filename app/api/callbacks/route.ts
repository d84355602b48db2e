import type { CallbackInboxResponse } from "@/lib/action-types";
import { listAllPendingCallbacks } from "@/lib/callback-inbox";
import { respond } from "@/lib/route";

/** The callbacks waiting for an answer across the running executions of every durable function. */
export function GET(): Promise<Response> {
  return respond(async (): Promise<CallbackInboxResponse> => listAllPendingCallbacks());
}
