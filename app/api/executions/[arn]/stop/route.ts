import { stopExecution } from "@/lib/actions";
import { parseBody, stopBody } from "@/lib/action-schemas";
import { HttpError } from "@/lib/errors";
import { respondToMutation } from "@/lib/mutation-route";
import { bodyLimit, PAYLOAD_LIMITS, sizeProblem } from "@/lib/payload-limits";
import { readJsonBody } from "@/lib/request-body";
import { parseExecutionArnParam } from "@/lib/validation";

/** Stops a running execution: `{ error?: { ErrorType, ErrorMessage } }`; the ARN arrives URL-encoded as one segment. */
export function POST(request: Request, { params }: { params: Promise<{ arn: string }> }): Promise<Response> {
  return respondToMutation(request, async () => {
    const arn = parseExecutionArnParam((await params).arn);
    const body = parseBody(stopBody, await readJsonBody(request, bodyLimit(PAYLOAD_LIMITS.error)));
    const tooBig = body.error ? sizeProblem("error", JSON.stringify(body.error), PAYLOAD_LIMITS.error) : undefined;
    if (tooBig) throw new HttpError(413, "PayloadTooLarge", tooBig);
    return stopExecution(arn, body.error);
  });
}
