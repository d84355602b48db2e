import type { CallbackInboxResponse } from "@/lib/action-types";
import { listPendingCallbacks } from "@/lib/callback-inbox";
import { respond } from "@/lib/route";
import { parseFunctionNameParam } from "@/lib/validation";

/** The callbacks waiting for an answer across a function's running executions. */
export function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return respond(async (): Promise<CallbackInboxResponse> => listPendingCallbacks(parseFunctionNameParam((await params).name)));
}
