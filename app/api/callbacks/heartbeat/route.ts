import { sendCallbackHeartbeat } from "@/lib/actions";
import { callbackHeartbeatBody, parseBody } from "@/lib/action-schemas";
import { respondToMutation } from "@/lib/mutation-route";
import { readJsonBody } from "@/lib/request-body";

/** The body holds only a callback id. */
const HEARTBEAT_BODY_LIMIT = 4 * 1024;

/** Sends a heartbeat for a callback: `{ callbackId }`. */
export function POST(request: Request): Promise<Response> {
  return respondToMutation(request, async () => {
    const body = parseBody(callbackHeartbeatBody, await readJsonBody(request, HEARTBEAT_BODY_LIMIT));
    return sendCallbackHeartbeat(body.callbackId);
  });
}
