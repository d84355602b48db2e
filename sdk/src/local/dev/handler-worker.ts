/**
 * One execution environment for a user's handler module: loads the module once (a cold start,
 * reported as ready or failed), then runs invocations one at a time. The handler finds the
 * durable API through its own environment (AWS_ENDPOINT_URL_LAMBDA and friends, set by the
 * parent), exactly as on Lambda, so the official SDK's handlers run unchanged.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createLambdaContext } from "../../runtime/lambda-context.js";
import { toWorkerError, type FromWorker, type FunctionWorkerData, type ToWorker } from "./messages.js";

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const port = parentPort!;
const data = workerData as FunctionWorkerData;
const send = (m: FromWorker) => port.postMessage(m);

/** Lambda's Node runtime names: a module that does not load, and an export that is not a function. */
function loadError(e: unknown): Error {
  const err = toWorkerError(e);
  const out = new Error(`${err.name}: ${err.message}`);
  out.name = err.name === "SyntaxError" ? "Runtime.UserCodeSyntaxError" : "Runtime.ImportModuleError";
  return out;
}

async function loadHandler(): Promise<Handler> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(data.moduleUrl)) as Record<string, unknown>;
  } catch (e) {
    throw loadError(e);
  }
  const fn = mod[data.exportName];
  if (typeof fn !== "function") {
    const err = new Error(`${data.moduleUrl}#${data.exportName} is ${fn === undefined ? "undefined or not exported" : `a ${typeof fn}, not a function`}`);
    err.name = "Runtime.HandlerNotFound";
    throw err;
  }
  return fn as Handler;
}

try {
  const handler = await loadHandler();
  port.on("message", (m: ToWorker) => {
    const context = createLambdaContext({ requestId: m.requestId, functionName: data.functionName, functionArn: m.functionArn, timeoutMs: m.timeoutMs });
    Promise.resolve()
      .then(() => handler(m.event, context))
      // Lambda returns the handler's result as JSON; a result that does not survive that is an error here too.
      .then((output) => send({ kind: "result", id: m.id, output: JSON.parse(JSON.stringify(output ?? null)) }))
      .catch((e: unknown) => send({ kind: "error", id: m.id, error: toWorkerError(e) }));
  });
  send({ kind: "ready" });
} catch (e) {
  send({ kind: "load-failed", error: toWorkerError(e) });
}
