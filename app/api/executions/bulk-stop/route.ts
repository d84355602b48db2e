import { stopExecutions } from "@/lib/actions";
import { bulkStopBody, parseBody } from "@/lib/action-schemas";
import { HttpError } from "@/lib/errors";
import { respondToMutation } from "@/lib/mutation-route";
import { bodyLimit, PAYLOAD_LIMITS, sizeProblem } from "@/lib/payload-limits";
import { readJsonBody } from "@/lib/request-body";

/**
 * Stops several executions: `{ arns: [...], error?: { ErrorType, ErrorMessage } }`. Answers 200 with
 * one result per execution, so some may have stopped while others could not.
 */
export function POST(request: Request): Promise<Response> {
  return respondToMutation(request, async () => {
    const body = parseBody(bulkStopBody, await readJsonBody(request, bodyLimit(PAYLOAD_LIMITS.error)));
    const tooBig = body.error ? sizeProblem("error", JSON.stringify(body.error), PAYLOAD_LIMITS.error) : undefined;
    if (tooBig) throw new HttpError(413, "PayloadTooLarge", tooBig);
    return stopExecutions(body.arns, body.error);
  });
}
