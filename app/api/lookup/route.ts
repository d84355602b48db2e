import type { NextRequest } from "next/server";
import type { ExecutionLookupResponse } from "@/lib/execution-lookup-types";
import { lookUpExecutions, parseLookupQuery } from "@/lib/execution-lookup";
import { respond } from "@/lib/route";

/** The header search: `?q=<execution ARN>` finds that execution, `?q=<name>` searches names across the durable functions. */
export function GET(request: NextRequest): Promise<Response> {
  return respond(async (): Promise<ExecutionLookupResponse> => lookUpExecutions(parseLookupQuery(request.nextUrl.searchParams)));
}
