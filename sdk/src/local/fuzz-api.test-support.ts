// What the fuzz test of the local service needs beside the generators: a raw HTTP client that
// sends what the AWS client would not (any method, undecoded dot segments, invalid UTF-8, bodies
// past the limits), a check that a response is a refusal naming its problem, and a snapshot of
// everything the service stores, to show a refused request changed nothing.
import { request } from "node:http";
import { connect } from "node:net";
import { ListDurableExecutionsByFunctionCommand, ListFunctionsCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { snapshot } from "./lambda-api.test-support.js";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request exactly as given. node:http rather than fetch: fetch normalizes `..` and `%2e%2e`
 * out of a path before sending, and the point is to see what the service does with them.
 */
export function rawRequest(endpoint: string, method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body !== undefined && { "content-length": String(Buffer.byteLength(body)) }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Bytes that are no HTTP at all, straight onto a socket; resolves with the first line of the answer. */
export function rawSocket(endpoint: string, bytes: string): Promise<string> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
    let answer = "";
    socket.on("data", (c: Buffer) => (answer += c.toString("latin1")));
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.on("error", reject);
  });
}

/**
 * Undefined when `res` is a refusal in Lambda's error shape whose message matches `names`, else
 * what is wrong with it (a 2xx, a 5xx, no JSON, a message that does not say what was refused).
 */
export function refusalProblem(label: string, res: RawResponse, names: RegExp): string | undefined {
  const brief = `${label}: ${res.status} ${res.text.slice(0, 300)}`;
  if (res.status < 400 || res.status >= 500) return `${brief} (expected a 4xx)`;
  if (!String(res.headers["content-type"]).startsWith("application/json")) return `${brief} (not JSON)`;
  if (!res.headers["x-amzn-errortype"]) return `${brief} (no x-amzn-errortype)`;
  let message: unknown;
  try {
    message = (JSON.parse(res.text) as { Message?: unknown }).Message;
  } catch {
    return `${brief} (body is not JSON)`;
  }
  if (typeof message !== "string") return `${brief} (no Message)`;
  if (!names.test(message)) return `${brief} (message does not match ${names})`;
  return undefined;
}

/** Everything the service would show anyone: its functions, and every execution with its history. */
export async function storeSnapshot(client: LambdaClient): Promise<unknown> {
  const { Functions = [] } = await client.send(new ListFunctionsCommand({ MaxItems: 1000 }));
  const executions: Record<string, unknown> = {};
  for (const fn of Functions) {
    const { DurableExecutions = [] } = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: fn.FunctionName, MaxItems: 1000 }));
    for (const e of DurableExecutions) executions[e.DurableExecutionArn!] = { listed: e, ...(await snapshot(client, e.DurableExecutionArn!)) };
  }
  return { functions: Functions, executions };
}
