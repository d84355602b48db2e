import type { FunctionsResponse } from "@/lib/api-types";
import { respond } from "@/lib/route";
import { listDurableFunctions } from "@/lib/service";

/** The target's durable functions. */
export function GET(): Promise<Response> {
  return respond(async (): Promise<FunctionsResponse> => ({ functions: await listDurableFunctions() }));
}
