import { sendCallbackFailure } from "@/lib/actions";
import { callbackFailureBody, parseBody } from "@/lib/action-schemas";
import { HttpError } from "@/lib/errors";
import { respondToMutation } from "@/lib/mutation-route";
import { bodyLimit, PAYLOAD_LIMITS, sizeProblem } from "@/lib/payload-limits";
import { readJsonBody } from "@/lib/request-body";

/** Fails a callback: `{ callbackId, error: { ErrorType, ErrorMessage, ErrorData, StackTrace } }`. */
export function POST(request: Request): Promise<Response> {
  return respondToMutation(request, async () => {
    const body = parseBody(callbackFailureBody, await readJsonBody(request, bodyLimit(PAYLOAD_LIMITS.error)));
    const tooBig = body.error ? sizeProblem("error", JSON.stringify(body.error), PAYLOAD_LIMITS.error) : undefined;
    if (tooBig) throw new HttpError(413, "PayloadTooLarge", tooBig);
    return sendCallbackFailure(body.callbackId, body.error);
  });
}
