import { getConfig } from "@/lib/config";
import { HttpError } from "@/lib/errors";
import { respond } from "@/lib/route";
import { parseFunctionNameParam } from "@/lib/validation";

/** Names the bundle's export that is the handler; set by the local service, passed on as it is. */
const HANDLER_EXPORT_HEADER = "x-durable-lens-handler-export";

/** Bundling a large module takes a moment; a service that hangs must not hold the page forever. */
const TIMEOUT_MS = 30_000;

/** The local service's refusal, shaped like the AWS SDK's errors so `toApiError` maps it the same way. */
async function serviceError(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { Message?: unknown };
  const message = typeof body.Message === "string" ? body.Message : `The local durable service answered ${response.status}`;
  return Object.assign(new Error(message), { name: response.headers.get("x-amzn-errortype") ?? "Error", $metadata: { httpStatusCode: response.status } });
}

/** The local service's browser bundle of the function's handler, as it sent it. */
async function fetchBundle(name: string): Promise<Response> {
  const { target, endpoint } = getConfig();
  if (target !== "local" || endpoint === undefined) {
    throw new HttpError(404, "NotFound", `Handler bundles come only from the local durable service, and Durable Lens is pointed at AWS: upload the handler module of ${name} instead.`);
  }
  const response = await fetch(`${endpoint}/durable-lens/functions/${encodeURIComponent(name)}/handler-bundle`, { cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw await serviceError(response);
  return new Response(response.body, {
    headers: {
      "content-type": response.headers.get("content-type") ?? "application/javascript",
      [HANDLER_EXPORT_HEADER]: response.headers.get(HANDLER_EXPORT_HEADER) ?? "",
      "cache-control": "no-store",
    },
  });
}

/** The handler of a function on the local service, bundled for the in-browser replay simulator (ESM; the runtime stays a bare import). */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  let bundle: Response | undefined;
  // respond() answers JSON: it maps the errors here, while the bundle, which is JavaScript, goes out past it.
  const failure = await respond(async () => {
    bundle = await fetchBundle(parseFunctionNameParam((await params).name));
    return null;
  });
  return bundle ?? failure;
}
