import type { IncomingMessage, ServerResponse } from "node:http";
import {
  Limits,
  ServiceError,
  parseDurableExecutionArn,
  parseFunctionName,
  toWireJson,
  type ErrorObject,
  type ExecutionStatus,
  type OperationUpdate,
} from "../protocol/index.js";
import { decodeMarker, encodeMarker, type Engine } from "../engine/index.js";
import { HandlerBundleError, HandlerBundler } from "./handler-bundle.js";
import type { FunctionRegistry } from "./registry.js";

/** A response the router produces; serialized by {@link sendResponse}. */
export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (Dates become epoch seconds), raw text, or nothing. */
  json?: unknown;
  raw?: string;
  /** Of `raw`; JSON unless told. */
  contentType?: string;
}

/** The header of a handler bundle response that names the export that is the handler. */
export const HANDLER_EXPORT_HEADER = "x-durable-lens-handler-export";

/**
 * The header of a GetDurableExecution response that says why a RUNNING execution is not being
 * invoked (its function is gone); Lambda's body has no field for it.
 */
export const WAITING_REASON_HEADER = "x-durable-lens-waiting-reason";

/** Largest request body accepted: the 6 MiB payload limit plus room for the JSON envelope. */
const MAX_BODY_BYTES = Limits.OPERATION_PAYLOAD_BYTES + 1024 * 1024;
/** How much of a refused body is still read and dropped before the connection is cut. */
const MAX_DRAINED_BYTES = 8 * MAX_BODY_BYTES;

function invalid(message: string): never {
  throw new ServiceError("InvalidParameterValueException", message);
}

/**
 * Reads the request body as UTF-8, refusing oversize bodies and invalid UTF-8. An oversize body
 * is refused as soon as it passes the limit, but the rest is still read and dropped: destroying
 * the request would reset the connection while the client is sending, and the client would see
 * a reset instead of the 413 that says why. A client that sends on and on is cut off in the end.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > MAX_DRAINED_BYTES) req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(new ServiceError("RequestTooLargeException", `Request body exceeds ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", (e) => {
      if (!refused) reject(e);
    });
    req.on("end", () => {
      if (refused) return;
      try {
        resolve(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new ServiceError("InvalidRequestContentException", "Request body is not valid UTF-8"));
      }
    });
  });
}

function parseJsonBody(body: string, what: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new ServiceError("InvalidRequestContentException", `${what} body is not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ServiceError("InvalidRequestContentException", `${what} body must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** The bare ErrorObject body of the failure and stop calls; `{}` means none was given. */
function readErrorObject(body: string, what: string): ErrorObject {
  const o = parseJsonBody(body, what);
  const error: ErrorObject = {};
  for (const key of ["ErrorMessage", "ErrorType", "ErrorData"] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== "string") invalid(`${key} must be a string`);
    error[key] = v;
  }
  if (o.StackTrace !== undefined) {
    if (!Array.isArray(o.StackTrace) || !o.StackTrace.every((l) => typeof l === "string")) invalid("StackTrace must be a list of strings");
    error.StackTrace = o.StackTrace as string[];
  }
  return error;
}

/** Typed readers of query parameters that name the parameter when it is malformed. */
class Query {
  constructor(private readonly params: URLSearchParams) {}
  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }
  list(name: string): string[] {
    return this.params.getAll(name);
  }
  bool(name: string): boolean | undefined {
    const v = this.params.get(name);
    if (v === null) return undefined;
    if (v === "true" || v === "false") return v === "true";
    return invalid(`${name} must be true or false, got ${JSON.stringify(v)}`);
  }
  int(name: string): number | undefined {
    const v = this.params.get(name);
    if (v === null) return undefined;
    if (!/^\d+$/.test(v)) invalid(`${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
    return Number(v);
  }
  /** Lambda's Qualifier: $LATEST, a version number or an alias name. */
  qualifier(): string | undefined {
    const v = this.params.get("Qualifier");
    if (v === null) return undefined;
    if (!/^[a-zA-Z0-9$._-]{1,128}$/.test(v)) invalid(`Qualifier must be $LATEST, a version or an alias name (1-128 characters of [a-zA-Z0-9$._-]), got ${JSON.stringify(v)}`);
    return v;
  }
  date(name: string): Date | undefined {
    const v = this.params.get(name);
    if (v === null) return undefined;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) invalid(`${name} must be an ISO-8601 timestamp, got ${JSON.stringify(v)}`);
    return new Date(ms);
  }
}

const CALLBACK_ID = /^[A-Za-z0-9+/]+={0,2}$/;

/** A function name from the path, refused with a 400 naming it when it is no name Lambda accepts. */
function functionNameParam(segment: string): string {
  if (!parseFunctionName(segment)) invalid(`FunctionName ${JSON.stringify(segment)} is not a valid function name or ARN`);
  return segment;
}

const isFunctionCursor = (v: unknown): v is { f: number } => Number.isInteger((v as { f?: unknown })?.f) && (v as { f: number }).f >= 0;

/** Splits the raw path first and decodes each segment after, so `%2F` inside an ARN stays in its segment. */
function pathSegments(rawPath: string): string[] {
  return rawPath
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return invalid(`Path segment ${JSON.stringify(s)} is not valid percent-encoding`);
      }
    });
}

/**
 * Lambda's REST-JSON API for durable executions, on the same paths and with the same bodies,
 * statuses and error shapes as AWS, so an unmodified `LambdaClient({ endpoint })` works.
 * Beside it, under `/durable-lens/`, what only the local service offers: handler bundles.
 */
export class LambdaHttpApi {
  constructor(
    private readonly engine: Engine,
    private readonly registry: FunctionRegistry,
    private readonly bundler = new HandlerBundler(),
  ) {}

  async handle(req: IncomingMessage): Promise<ApiResponse> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const seg = pathSegments(url.pathname);
    const q = new Query(url.searchParams);
    const route = `${method} /${seg.map((s, i) => (i < 2 ? s : "*")).join("/")}`;

    if (method === "GET" && seg.length === 1 && seg[0] === "health") return { status: 200, json: { ok: true } };

    if (seg[0] === "2015-03-31" && seg[1] === "functions") {
      if (method === "GET" && seg.length === 2) return this.listFunctions(q);
      if (method === "GET" && seg.length === 3) {
        const fn = this.registry.require(functionNameParam(seg[2]!), q.qualifier());
        return { status: 200, json: { Configuration: this.registry.configuration(fn) } };
      }
      if (method === "POST" && seg.length === 4 && seg[3] === "invocations") return this.invoke(req, seg[2]!, q);
    }

    if (seg[0] === "2025-12-01" && seg[1] === "durable-executions" && seg.length >= 3) {
      const arn = seg[2]!;
      const action = seg[3];
      // Checked here, before any lookup, so a malformed ARN is a 400 naming the field and never a 404.
      if (!parseDurableExecutionArn(arn)) invalid(`DurableExecutionArn ${JSON.stringify(arn)} is not a durable execution ARN`);
      // Absent query members stay undefined; the engine applies Lambda's defaults.
      if (method === "GET" && seg.length === 3) {
        const json = this.engine.getExecution({ DurableExecutionArn: arn, IncludeExecutionData: q.bool("IncludeExecutionData") });
        const waiting = this.engine.waitingReason(arn);
        return { status: 200, json, ...(waiting !== undefined && { headers: { [WAITING_REASON_HEADER]: waiting } }) };
      }
      if (method === "GET" && action === "history" && seg.length === 4) {
        return {
          status: 200,
          json: this.engine.getExecutionHistory({
            DurableExecutionArn: arn,
            IncludeExecutionData: q.bool("IncludeExecutionData"),
            MaxItems: q.int("MaxItems"),
            Marker: q.string("Marker"),
            ReverseOrder: q.bool("ReverseOrder"),
          }),
        };
      }
      if (method === "GET" && action === "state" && seg.length === 4) {
        return {
          status: 200,
          json: this.engine.getExecutionState({
            DurableExecutionArn: arn,
            CheckpointToken: q.string("CheckpointToken") ?? invalid("CheckpointToken is required"),
            MaxItems: q.int("MaxItems"),
            Marker: q.string("Marker"),
          }),
        };
      }
      if (method === "POST" && action === "stop" && seg.length === 4) {
        const error = readErrorObject(await readBody(req), "StopDurableExecution");
        return { status: 200, json: this.engine.stopExecution({ DurableExecutionArn: arn, Error: error }) };
      }
      if (method === "POST" && action === "checkpoint" && seg.length === 4) {
        const body = parseJsonBody(await readBody(req), "CheckpointDurableExecution");
        const token = body.CheckpointToken;
        const clientToken = body.ClientToken;
        if (typeof token !== "string") invalid("CheckpointToken is required and must be a string");
        if (clientToken !== undefined && (typeof clientToken !== "string" || !/^[\x21-\x7E]{1,64}$/.test(clientToken))) {
          invalid("ClientToken must be 1-64 printable ASCII characters");
        }
        return {
          status: 200,
          json: this.engine.checkpoint({
            DurableExecutionArn: arn,
            CheckpointToken: token,
            ...(body.Updates !== undefined && { Updates: body.Updates as OperationUpdate[] }),
            ...(clientToken !== undefined && { ClientToken: clientToken as string }),
          }),
        };
      }
    }

    if (seg[0] === "2025-12-01" && seg[1] === "durable-execution-callbacks" && seg.length === 4 && method === "POST") {
      const callbackId = seg[2]!;
      if (callbackId.length > 1024 || !CALLBACK_ID.test(callbackId)) invalid(`CallbackId ${JSON.stringify(callbackId)} is not a callback id (1-1024 characters of base64)`);
      const body = await readBody(req);
      if (seg[3] === "succeed") {
        this.engine.sendCallbackSuccess(callbackId, body);
        return { status: 200, json: {} };
      }
      if (seg[3] === "fail") {
        this.engine.sendCallbackFailure(callbackId, readErrorObject(body, "SendDurableExecutionCallbackFailure"));
        return { status: 200, json: {} };
      }
      if (seg[3] === "heartbeat") {
        this.engine.sendCallbackHeartbeat(callbackId);
        return { status: 200, json: {} };
      }
    }

    if (seg[0] === "2025-12-01" && seg[1] === "functions" && seg[3] === "durable-executions" && seg.length === 4 && method === "GET") {
      return {
        status: 200,
        json: this.engine.listExecutionsByFunction({
          FunctionName: functionNameParam(seg[2]!),
          Statuses: q.list("Statuses") as ExecutionStatus[],
          Qualifier: q.qualifier(),
          DurableExecutionName: q.string("DurableExecutionName"),
          StartedAfter: q.date("StartedAfter"),
          StartedBefore: q.date("StartedBefore"),
          ReverseOrder: q.bool("ReverseOrder"),
          Marker: q.string("Marker"),
          MaxItems: q.int("MaxItems"),
        }),
      };
    }

    if (method === "GET" && seg[0] === "durable-lens" && seg[1] === "functions" && seg[3] === "handler-bundle" && seg.length === 4) {
      return this.handlerBundle(seg[2]!);
    }

    throw new ServiceError("ResourceNotFoundException", `No operation of this service matches ${route}`);
  }

  /** The browser bundle of a function's handler module, for the replay simulator. */
  private async handlerBundle(functionName: string): Promise<ApiResponse> {
    // The name only ever selects a registration, never a path; still, refuse what is no function name.
    const fn = this.registry.require(functionNameParam(functionName));
    if (!fn.source) throw new ServiceError("ResourceNotFoundException", `Function ${fn.name} has no handler module to bundle: it was registered in-process, not from a file`);
    const bundle = await this.bundler.bundle(fn.source);
    return { status: 200, headers: { [HANDLER_EXPORT_HEADER]: bundle.exportName }, raw: bundle.code, contentType: "application/javascript; charset=utf-8" };
  }

  /** ListFunctions, paged as Lambda pages it: 50 by default, up to 10,000, opaque markers. */
  private listFunctions(q: Query): ApiResponse {
    const maxItems = q.int("MaxItems") ?? 50;
    if (maxItems < 1 || maxItems > 10_000) invalid("MaxItems must be an integer from 1 to 10000");
    const marker = q.string("Marker");
    const start = marker === undefined ? 0 : (decodeMarker(marker, isFunctionCursor)?.f ?? invalid("Marker is not a marker this service returned"));
    const all = this.registry.list();
    const json: { Functions: unknown[]; NextMarker?: string } = {
      Functions: all.slice(start, start + maxItems).map((f) => this.registry.configuration(f)),
    };
    if (start + maxItems < all.length) json.NextMarker = encodeMarker({ f: start + maxItems });
    return { status: 200, json };
  }

  /** Invoke: starts a durable execution; RequestResponse waits for its end, Event returns at once. */
  private async invoke(req: IncomingMessage, functionName: string, q: Query): Promise<ApiResponse> {
    const invocationType = (req.headers["x-amz-invocation-type"] as string | undefined) ?? "RequestResponse";
    if (!["RequestResponse", "Event", "DryRun"].includes(invocationType)) {
      invalid(`X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, got ${JSON.stringify(invocationType)}`);
    }
    const ref = parseFunctionName(functionNameParam(functionName))!;
    const qualifier = q.qualifier() ?? ref.qualifier;
    const fn = this.registry.require(ref.name, qualifier);
    const body = await readBody(req);
    if (body.trim() !== "") {
      try {
        JSON.parse(body);
      } catch (e) {
        throw new ServiceError("InvalidRequestContentException", `Could not parse request body into json: ${(e as Error).message}`);
      }
    }
    if (invocationType === "DryRun") return { status: 204 };
    const name = req.headers["x-amz-durable-execution-name"] as string | undefined;
    const { arn } = this.engine.startExecution({
      functionName: fn.name,
      ...(qualifier !== undefined && { qualifier }),
      ...(name !== undefined && { name }),
      payload: body.trim() === "" ? "{}" : body,
    });
    const headers = { "X-Amz-Durable-Execution-Arn": arn, "X-Amz-Executed-Version": "$LATEST" };
    if (invocationType === "Event") return { status: 202, headers };
    const done = await this.engine.waitForCompletion(arn);
    if (done.status === "SUCCEEDED") return { status: 200, headers, raw: done.result ?? "" };
    return {
      status: 200,
      headers: { ...headers, "X-Amz-Function-Error": "Unhandled" },
      json: { errorType: done.error?.ErrorType ?? done.status, errorMessage: done.error?.ErrorMessage ?? `Execution ${done.status}` },
    };
  }
}

/** Writes an {@link ApiResponse}, or a service error in the shape the AWS client parses. */
export function sendResponse(res: ServerResponse, r: ApiResponse, requestId: string): void {
  const headers: Record<string, string> = { "x-amzn-requestid": requestId, ...r.headers };
  let body = "";
  if (r.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(toWireJson(r.json));
  } else if (r.raw !== undefined) {
    headers["content-type"] = r.contentType ?? "application/json";
    body = r.raw;
  }
  res.writeHead(r.status, headers);
  res.end(body);
}

/** A refusal in Lambda's error shape: the status, the error type header and the message. */
export function errorWith(status: number, code: string, message: string): ApiResponse {
  return { status, headers: { "x-amzn-errortype": code }, json: { Type: status >= 500 ? "Service" : "User", message, Message: message } };
}

/** Turns any thrown value into Lambda's error response: a ServiceError keeps its name and status. */
export function errorResponse(error: unknown): ApiResponse {
  if (error instanceof ServiceError) return errorWith(error.status, error.code, error.message);
  // Not Lambda's: the module is there but is no browser bundle (a Node built-in, a syntax error).
  if (error instanceof HandlerBundleError) return errorWith(422, "HandlerBundleException", error.message);
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, headers: { "x-amzn-errortype": "ServiceException" }, json: { Type: "Service", Message: `Internal error: ${message}` } };
}
