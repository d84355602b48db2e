// Shared set-up of the route handler tests: an in-process local durable service that the app's
// own LambdaClient (lib/lambda.ts) is pointed at, a client of our own to prepare and check
// executions, and requests shaped the way the browser sends them (same origin, CSRF header and
// cookie), each of which a test can spoil on purpose.
import { GetDurableExecutionCommand, GetDurableExecutionHistoryCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { parseHistory } from "@durable-lens/sdk/history";
import { MemoryStore } from "@durable-lens/sdk/engine";
import { LocalDurableService } from "@durable-lens/sdk/local";
import type { RegisteredFunction } from "@durable-lens/sdk/local";
import { CSRF_COOKIE, CSRF_HEADER } from "@/lib/csrf-header";
import { openCallbacks, type OpenCallback } from "@/lib/pending-callbacks";

/** The origin the tests pretend the app is served from. */
export const APP_ORIGIN = "http://localhost:3000";

export interface RouteTestService {
  service: LocalDurableService;
  client: LambdaClient;
  stop(): Promise<void>;
}

/**
 * Starts the service and points the app's configuration at it; call before importing any route.
 *
 * @example const t = await startRouteTestService([{ name: "quick", handler }]);
 */
export async function startRouteTestService(functions: RegisteredFunction[]): Promise<RouteTestService> {
  const service = await LocalDurableService.start({ store: new MemoryStore(), functions });
  process.env.DURABLE_LENS_LOCAL_ENDPOINT = service.endpoint;
  const client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" }, maxAttempts: 1 });
  return {
    service,
    client,
    async stop() {
      client.destroy();
      await service.stop();
    },
  };
}

/**
 * A CSRF token and its cookie, as GET /api/session hands them to a browser.
 *
 * @example const s = await openSession();
 */
export async function openSession(): Promise<{ token: string; cookie: string }> {
  const { GET } = await import("./session/route");
  const response = GET(new Request(`${APP_ORIGIN}/api/session`));
  const body = (await response.json()) as { csrfToken?: string };
  const setCookie = response.headers.get("set-cookie") ?? "";
  if (!body.csrfToken || !setCookie.startsWith(`${CSRF_COOKIE}=`)) throw new Error("the session route handed out no token");
  return { token: body.csrfToken, cookie: setCookie.split(";")[0]! };
}

export interface PostOptions {
  /** Defaults to the app's own origin; null sends none. */
  origin?: string | null;
  /** Defaults to the session's token; null sends none. */
  token?: string | null;
  /** Defaults to the session's cookie; null sends none. */
  cookie?: string | null;
  contentType?: string;
  /** Sent as it is instead of JSON.stringify(body). */
  rawBody?: string;
}

/**
 * A POST as the page sends it, with the parts a test wants spoilt.
 *
 * @example await POST(post("/api/callbacks/heartbeat", { callbackId }, session))
 */
export function post(path: string, body: unknown, session: { token: string; cookie: string }, options: PostOptions = {}): Request {
  const headers = new Headers({ host: "localhost:3000", "content-type": options.contentType ?? "application/json" });
  const origin = options.origin === undefined ? APP_ORIGIN : options.origin;
  if (origin !== null) headers.set("origin", origin);
  const token = options.token === undefined ? session.token : options.token;
  if (token !== null) headers.set(CSRF_HEADER, token);
  const cookie = options.cookie === undefined ? session.cookie : options.cookie;
  if (cookie !== null) headers.set("cookie", cookie);
  return new Request(`${APP_ORIGIN}${path}`, { method: "POST", headers, body: options.rawBody ?? JSON.stringify(body) });
}

/**
 * The route params object of a dynamic segment, encoded as the router hands it over.
 *
 * @example params({ arn })
 */
export function params<T extends Record<string, string>>(values: T): { params: Promise<T> } {
  return { params: Promise.resolve(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, encodeURIComponent(v)])) as T) };
}

/**
 * Starts an execution asynchronously and returns its ARN.
 *
 * @example const arn = await startAsync(t.client, "approval", "run-1");
 */
export async function startAsync(client: LambdaClient, functionName: string, name: string, input: unknown = {}): Promise<string> {
  const out = await client.send(
    new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", DurableExecutionName: name, Payload: new TextEncoder().encode(JSON.stringify(input)) }),
  );
  return out.DurableExecutionArn!;
}

async function poll<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * Waits until the execution has an open callback and returns it.
 *
 * @example const cb = await openCallback(t.client, arn);
 */
export function openCallback(client: LambdaClient, arn: string): Promise<OpenCallback> {
  return poll(`a callback of ${arn}`, async () => {
    const out = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }));
    return openCallbacks(parseHistory(out.Events ?? []).events)[0];
  });
}

/**
 * Waits until the execution has the given status, and returns its description.
 *
 * @example await settled(t.client, arn, "SUCCEEDED")
 */
export function settled(client: LambdaClient, arn: string, status: string) {
  return poll(`${arn} to be ${status}`, async () => {
    const out = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: true }));
    return out.Status === status ? out : undefined;
  });
}

/**
 * The execution's status now.
 *
 * @example expect(await statusOf(t.client, arn)).toBe("RUNNING")
 */
export async function statusOf(client: LambdaClient, arn: string): Promise<string | undefined> {
  return (await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Status;
}
