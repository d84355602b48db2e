import { sendCallbackSuccess } from "@/lib/actions";
import { callbackSuccessBody, parseBody } from "@/lib/action-schemas";
import { respondToMutation } from "@/lib/mutation-route";
import { bodyLimit, PAYLOAD_LIMITS, sizeProblem } from "@/lib/payload-limits";
import { readJsonBody } from "@/lib/request-body";
import { HttpError } from "@/lib/errors";

/** Completes a callback: `{ callbackId, result }`, the result as JSON text (at most 256 KB). */
export function POST(request: Request): Promise<Response> {
  return respondToMutation(request, async () => {
    const body = parseBody(callbackSuccessBody, await readJsonBody(request, bodyLimit(PAYLOAD_LIMITS.callbackResult)));
    const tooBig = body.result === undefined ? undefined : sizeProblem("result", body.result, PAYLOAD_LIMITS.callbackResult);
    if (tooBig) throw new HttpError(413, "PayloadTooLarge", tooBig);
    return sendCallbackSuccess(body.callbackId, body.result);
  });
}
