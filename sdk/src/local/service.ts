import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo, Socket } from "node:net";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { Engine, RealClock, type Clock, type Store } from "../engine/index.js";
import { DurableExecutionApiClient, DurableExecutionInvocationInputWithClient, createLambdaContext } from "../runtime/index.js";
import { LambdaHttpApi, errorResponse, errorWith, sendResponse } from "./http-api.js";
import { FunctionRegistry, type RegisteredFunction } from "./registry.js";
import { RequestGuard } from "./request-guard.js";

export interface LocalServiceOptions {
  store: Store;
  /** 127.0.0.1 unless told otherwise: the service has no authentication. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Host names the service answers to besides its loopback names and `host` (see {@link RequestGuard}). */
  allowedHosts?: readonly string[];
  clock?: Clock;
  region?: string;
  accountId?: string;
  functions?: RegisteredFunction[];
  /**
   * Resume the executions a previous run left running as soon as the service listens; true by
   * default. False when more functions are registered after the start (the user's modules):
   * the caller then calls {@link LocalDurableService.recover} once they are all there.
   */
  recover?: boolean;
  /** How long a client may take to send a request's headers, in ms (default 10 s): slow clients must not hold sockets forever. */
  headersTimeoutMs?: number;
  /** How long a client may take to send a whole request, in ms (default 60 s); answering may take longer. */
  requestTimeoutMs?: number;
}

const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The local durable service: Lambda's durable API over HTTP on an engine backed by `store`.
 * Registered functions run in this process and checkpoint back through the HTTP API with a
 * real `LambdaClient`, exactly as a deployed function talks to Lambda.
 *
 * @example const svc = await LocalDurableService.start({ store: SqliteStore.open(".durable-lens"), functions });
 */
export class LocalDurableService {
  private constructor(
    readonly engine: Engine,
    readonly registry: FunctionRegistry,
    private readonly server: Server,
    readonly endpoint: string,
    private readonly store: Store,
    readonly region: string,
  ) {}

  static async start(options: LocalServiceOptions): Promise<LocalDurableService> {
    const region = options.region ?? "us-east-1";
    const accountId = options.accountId ?? "123456789012";
    const registry = new FunctionRegistry(region, accountId);
    for (const fn of options.functions ?? []) registry.register(fn);

    let functionClient: DurableExecutionApiClient | undefined;
    // Invocations start only after the server listens, by which time `service` is set.
    let service!: LocalDurableService;
    const engine = new Engine({
      store: options.store,
      clock: options.clock ?? new RealClock(),
      region,
      accountId,
      resolveFunction: (name, qualifier) => registry.info(name, qualifier),
      // The user's functions come and go with their config: their executions wait, never fail for it.
      missingFunction: "wait",
      invoke: async (fn, event, requestId) => {
        const registered = registry.require(fn.functionName);
        if (registered.run) {
          return registered.run(event, { requestId, functionName: fn.functionName, functionArn: fn.functionArn, endpoint: service.endpoint, region });
        }
        const input = new DurableExecutionInvocationInputWithClient(event, functionClient!);
        return registered.handler!(input, createLambdaContext({ requestId, functionName: fn.functionName, functionArn: fn.functionArn }));
      },
    });
    const api = new LambdaHttpApi(engine, registry);
    const host = options.host ?? "127.0.0.1";
    const guard = new RequestGuard({ bindHost: host, ...(options.allowedHosts && { allowedHosts: options.allowedHosts }) });
    const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
    const requestTimeout = Math.max(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, headersTimeout);
    // Node checks the timeouts every connectionsCheckingInterval: often enough for short ones too.
    const timeouts = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) };
    const server = createServer(timeouts, (req, res) => {
      const requestId = randomUUID();
      const refused = guard.refusal(req.headers);
      if (refused !== undefined) {
        // The body is never read: nothing a refused request sends reaches the engine.
        res.setHeader("Connection", "close");
        sendResponse(res, errorWith(403, "AccessDeniedException", refused), requestId);
        return;
      }
      api.handle(req).then(
        (r) => sendResponse(res, r, requestId),
        (e) => sendResponse(res, errorResponse(e), requestId),
      );
    });
    server.on("clientError", answerMalformedRequest);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const endpoint = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    functionClient = new DurableExecutionApiClient(
      new LambdaClient({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
    );
    service = new LocalDurableService(engine, registry, server, endpoint, options.store, region);
    registry.onRegister((name) => engine.functionAvailable(name));
    if (options.recover ?? true) service.recover();
    return service;
  }

  /**
   * Re-arms timers and resumes the executions a previous run left running: call it once every
   * function is registered, or their executions would be invoked before their code is there.
   *
   * @example const svc = await LocalDurableService.start({ store, recover: false }); svc.registry.register(fn); svc.recover();
   */
  recover(): void {
    this.engine.recover();
  }

  async stop(): Promise<void> {
    this.engine.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.engine.idle().catch(() => {});
    this.store.close();
  }
}

/**
 * What Node's parser refuses before any route runs (bytes that are not HTTP, headers or a URL
 * past its limit): answered in Lambda's error shape, as every other refusal, then closed.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const tooSlow = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  const status = tooLarge ? "431 Request Header Fields Too Large" : tooSlow ? "408 Request Timeout" : "400 Bad Request";
  const message = tooLarge
    ? "The request's headers (or its URL) exceed the service's limit of 16 KiB"
    : tooSlow
      ? "The request was not received in time: the connection is closed"
      : `The request is not valid HTTP (${error.code ?? error.message})`;
  const body = JSON.stringify({ Type: "User", message, Message: message });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nx-amzn-errortype: InvalidRequestContentException\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
