import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { getConfig } from "@/lib/config";
import { getLambdaClient } from "@/lib/lambda";
import { respond } from "@/lib/route";
import { checkHealth } from "./health";

// Asked every few seconds by every open page; it must never be answered from a cache.
export const dynamic = "force-dynamic";

/**
 * Whether the durable service answers: `200 { answering: true, … }`, or `503 { answering: false,
 * message, … }`. One ListFunctions call for a single item: the cheapest read both AWS and the
 * local service have, so nothing here is special-cased for either.
 */
export async function GET(): Promise<Response> {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (error) {
    // A misconfigured server answers as every route does; the pages show that error themselves.
    return respond(() => Promise.reject(error));
  }
  const health = await checkHealth(
    (abortSignal) => getLambdaClient().send(new ListFunctionsCommand({ MaxItems: 1 }), { abortSignal }),
    config,
  );
  return Response.json(health, { status: health.answering ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
