import { startExecution } from "@/lib/actions";
import { parseBody, startBody } from "@/lib/action-schemas";
import { HttpError } from "@/lib/errors";
import { respondToMutation } from "@/lib/mutation-route";
import { bodyLimit, PAYLOAD_LIMITS, sizeProblem } from "@/lib/payload-limits";
import { readJsonBody } from "@/lib/request-body";
import { parseFunctionNameParam } from "@/lib/validation";

/**
 * Starts an execution: `{ payload?, executionName?, mode: "async" | "sync", qualifier? }`, the payload
 * as JSON text (at most 1 MB async, 6 MB sync).
 */
export function POST(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return respondToMutation(request, async () => {
    const name = parseFunctionNameParam((await params).name);
    const body = parseBody(startBody, await readJsonBody(request, bodyLimit(PAYLOAD_LIMITS.syncPayload)));
    const limit = body.mode === "sync" ? PAYLOAD_LIMITS.syncPayload : PAYLOAD_LIMITS.asyncPayload;
    const tooBig = body.payload === undefined ? undefined : sizeProblem("payload", body.payload, limit);
    if (tooBig) throw new HttpError(413, "PayloadTooLarge", tooBig);
    return startExecution(name, body);
  });
}
