import type { FunctionCountsResponse } from "@/lib/api-types";
import { respond } from "@/lib/route";
import { countExecutions } from "@/lib/service";
import { parseFunctionNameParam } from "@/lib/validation";

/** How many of a function's executions are running and how many failed. */
export function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return respond(async (): Promise<FunctionCountsResponse> => countExecutions(parseFunctionNameParam((await params).name)));
}
