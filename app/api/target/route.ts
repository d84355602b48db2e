import type { TargetInfo } from "@/lib/api-types";
import { getConfig } from "@/lib/config";
import { respond } from "@/lib/route";

/** Which durable service this server talks to, for the indicator in the header. */
export function GET(): Promise<Response> {
  return respond(async (): Promise<TargetInfo> => {
    const { target, region, endpoint, profile } = getConfig();
    return { target, region, ...(endpoint ? { endpoint } : {}), ...(profile ? { profile } : {}) };
  });
}
