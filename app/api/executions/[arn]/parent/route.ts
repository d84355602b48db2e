import { findParentExecution } from "@/lib/parent-lookup";
import type { ParentLookupResponse } from "@/lib/parent-lookup-types";
import { respond } from "@/lib/route";
import { parseExecutionArnParam } from "@/lib/validation";

/** The execution whose chained invoke started this one, searched for within bounds (the answer says how far it looked). */
export function GET(_request: Request, { params }: { params: Promise<{ arn: string }> }): Promise<Response> {
  return respond(async (): Promise<ParentLookupResponse> => findParentExecution(parseExecutionArnParam((await params).arn)));
}
