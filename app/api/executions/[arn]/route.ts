import type { ExecutionResponse } from "@/lib/api-types";
import { respond } from "@/lib/route";
import { getExecutionWithHistory } from "@/lib/service";
import { parseExecutionArnParam } from "@/lib/validation";

/** An execution and its whole history; the ARN arrives URL-encoded as one path segment. */
export function GET(_request: Request, { params }: { params: Promise<{ arn: string }> }): Promise<Response> {
  return respond(async (): Promise<ExecutionResponse> => {
    const arn = parseExecutionArnParam((await params).arn);
    return getExecutionWithHistory(arn);
  });
}
