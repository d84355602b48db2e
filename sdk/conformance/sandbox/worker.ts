/**
 * A function sandbox: one worker thread plays one Lambda execution environment. It loads the
 * handler module on the first invocation (a cold start) and keeps it for the next ones (warm),
 * talks to the durable service through the runner, and sends every line the function prints
 * back to the runner, as Lambda sends them to CloudWatch. `process.exit` in a handler ends
 * only this thread: the runner sees the environment die, as Lambda does.
 */
import { parentPort, workerData } from "node:worker_threads";
import { format } from "node:util";
import {
  DurableExecutionInvocationInputWithClient,
  createLambdaContext,
  type DurableExecutionClient,
  type DurableLambdaHandler,
} from "@durable-lens/sdk/runtime";
import { toWireError, type FromSandbox, type RpcMethod, type SandboxData, type ToSandbox, type WireError } from "./messages.js";
import { installVirtualDate } from "./virtual-date.js";

const port = parentPort!;
const data = workerData as SandboxData;
const send = (m: FromSandbox) => port.postMessage(m);

function captureOutput(): void {
  const line = (stream: "stdout" | "stderr") => (...args: unknown[]) => send({ kind: "log", stream, text: format(...args) });
  console.log = console.info = console.debug = line("stdout");
  console.warn = console.error = console.trace = line("stderr");
  // Raw writes (plugins print JSON this way) become one line per newline.
  for (const stream of ["stdout", "stderr"] as const) {
    let pending = "";
    process[stream].write = ((chunk: unknown, ...rest: unknown[]) => {
      pending += typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const text of lines) send({ kind: "log", stream, text });
      const done = rest.find((r): r is () => void => typeof r === "function");
      done?.();
      return true;
    }) as typeof process.stdout.write;
  }
}

let nextRpc = 0;
const pendingRpcs = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

function call(method: RpcMethod, params: unknown): Promise<never> {
  const id = nextRpc++;
  return new Promise((resolve, reject) => {
    pendingRpcs.set(id, { resolve: resolve as (v: unknown) => void, reject });
    send({ kind: "rpc", id, method, params });
  });
}

/** A service error as `@aws-sdk/client-lambda` raises it: name, message and HTTP status. */
function serviceError(e: WireError): Error {
  const err = new Error(e.message);
  err.name = e.name;
  if (e.status !== undefined) Object.assign(err, { status: e.status, $metadata: { httpStatusCode: e.status } });
  return err;
}

const client: DurableExecutionClient = {
  checkpoint: (params) => call("checkpoint", params),
  getExecutionState: (params) => call("getExecutionState", params),
};

interface HandlerModule {
  handler?: DurableLambdaHandler;
  functions?: Record<string, DurableLambdaHandler>;
}

let loaded: Promise<HandlerModule> | undefined;
const load = () => (loaded ??= import(data.source.moduleUrl) as Promise<HandlerModule>);

async function resolveHandler(): Promise<DurableLambdaHandler> {
  const mod = await load();
  const key = data.source.functionsKey;
  const fn = key === undefined ? mod.handler : mod.functions?.[key];
  if (typeof fn !== "function") {
    throw new Error(`${data.source.moduleUrl} exports no ${key === undefined ? "handler" : `functions[${JSON.stringify(key)}]`} function`);
  }
  return fn;
}

async function invoke(id: number, event: Extract<ToSandbox, { kind: "invoke" }>["event"], requestId: string): Promise<void> {
  try {
    const handler = await resolveHandler();
    const context = createLambdaContext({ requestId, functionName: data.functionName, functionArn: data.functionArn });
    const output = await handler(new DurableExecutionInvocationInputWithClient(event, client), context);
    send({ kind: "result", id, output });
  } catch (e) {
    send({ kind: "error", id, error: toWireError(e) });
  }
}

captureOutput();
const setNow = installVirtualDate();
port.on("message", (m: ToSandbox) => {
  switch (m.kind) {
    case "describe":
      load().then(
        (mod) => send({ kind: "described", functions: Object.keys(mod.functions ?? {}) }),
        (e) => send({ kind: "described", functions: [], error: toWireError(e) }),
      );
      break;
    case "invoke":
      setNow(m.now);
      void invoke(m.id, m.event, m.requestId);
      break;
    case "rpc-result":
    case "rpc-error": {
      const p = pendingRpcs.get(m.id);
      pendingRpcs.delete(m.id);
      if (m.kind === "rpc-result") p?.resolve(m.result);
      else p?.reject(serviceError(m.error));
      break;
    }
  }
});
