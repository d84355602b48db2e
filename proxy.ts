import { NextResponse, type NextRequest } from "next/server";
import { gateRequest } from "@/lib/request-gate";

/**
 * Runs before every request, pages, API routes and assets alike: refuses a host this server
 * does not answer to (DNS rebinding) and a path that is not valid percent-encoded UTF-8.
 */
export function proxy(request: NextRequest): NextResponse {
  const refusal = gateRequest(request.url, request.headers, process.env);
  if (!refusal) return NextResponse.next();
  return new NextResponse(refusal.body, {
    status: refusal.status,
    headers: { "Content-Type": refusal.contentType, "Cache-Control": "no-store" },
  });
}
