import type { NextRequest } from "next/server";
import { respond } from "@/lib/route";
import { listExecutions } from "@/lib/service";
import { parseExecutionsQuery, parseFunctionNameParam } from "@/lib/validation";

/** One page of a function's executions: `?status=RUNNING&status=FAILED&name=&marker=&maxItems=&order=newest|oldest`. */
export function GET(request: NextRequest, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return respond(async () => {
    const name = parseFunctionNameParam((await params).name);
    const query = parseExecutionsQuery(request.nextUrl.searchParams);
    return listExecutions(name, query);
  });
}
