import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "../../protocol/index.js";
import type { FromWorker, FunctionWorkerData, ToWorker, WorkerError } from "./messages.js";

/** Built, the worker is the .js file next to this one; run from the sources (tests), the .ts one. */
function workerUrl(): URL {
  const js = new URL("./handler-worker.js", import.meta.url);
  return existsSync(js) ? js : new URL("./handler-worker.ts", import.meta.url);
}

/** The sdk's TypeScript loader (sdk/loader), the same from src/local/dev and dist/local/dev. */
const LOADER_URL = new URL("../../../loader/register.mjs", import.meta.url).href;

/** An error as Lambda reports a failed invocation: `name` is its errorType. */
export class InvocationError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }

  static from(e: WorkerError): InvocationError {
    return new InvocationError(e.name, e.message);
  }
}

export interface FunctionWorkerOptions {
  file: string;
  exportName: string;
  functionName: string;
  env: Record<string, string>;
  /** Every source file the module loads (outside node_modules), as it loads it. */
  onSourceFile: (path: string) => void;
  /** The environment is gone: it failed to load, crashed, timed out or was terminated. */
  onGone?: () => void;
}

interface Pending {
  id: number;
  resolve: (o: DurableExecutionInvocationOutput) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One execution environment: a worker thread that loads the handler module once, with its
 * own environment variables and module cache (so a new one sees edited code), and runs one
 * invocation at a time. A handler that exits the thread or runs past its timeout fails its
 * invocation as Lambda fails it, and the environment is gone.
 *
 * @example const w = new FunctionWorker({ file, exportName: "handler", functionName: "orders", env, onSourceFile }); await w.loaded;
 */
export class FunctionWorker {
  /** Settles when the module has loaded; rejects with Lambda's import or handler-not-found error. */
  readonly loaded: Promise<void>;
  private readonly worker: Worker;
  private settleLoad!: { resolve: () => void; reject: (e: Error) => void };
  private pending: Pending | undefined;
  private nextId = 0;
  private usable = true;
  private readonly onGone: (() => void) | undefined;

  constructor(o: FunctionWorkerOptions) {
    this.onGone = o.onGone;
    const { port1, port2 } = new MessageChannel();
    port1.on("message", (url: string) => o.onSourceFile(fileURLToPath(url)));
    port1.unref();
    this.loaded = new Promise<void>((resolve, reject) => (this.settleLoad = { resolve, reject }));
    // Nobody may be waiting yet: a load failure is reported to each invocation instead.
    this.loaded.catch(() => {});
    const data: FunctionWorkerData = { moduleUrl: pathToFileURL(o.file).href, exportName: o.exportName, functionName: o.functionName, loadedFilesPort: port2 };
    this.worker = new Worker(workerUrl(), { workerData: data, transferList: [port2], execArgv: ["--import", LOADER_URL], env: o.env });
    this.worker.unref();
    this.worker.on("message", (m: FromWorker) => this.onMessage(m));
    this.worker.on("error", (e) => this.fail(new InvocationError(e.name || "Error", e.message)));
    this.worker.on("exit", (code) => {
      port1.close();
      this.fail(new InvocationError("Runtime.ExitError", `Runtime exited with error: exit status ${code}`));
    });
  }

  /** Loaded or loading, and able to run another invocation. */
  get alive(): boolean {
    return this.usable;
  }

  private gone(): void {
    if (!this.usable) return;
    this.usable = false;
    this.onGone?.();
  }

  private onMessage(m: FromWorker): void {
    if (m.kind === "ready") this.settleLoad.resolve();
    else if (m.kind === "load-failed") {
      this.settleLoad.reject(InvocationError.from(m.error));
      void this.terminate();
    } else if (this.pending?.id === m.id) {
      const p = this.pending;
      this.pending = undefined;
      clearTimeout(p.timer);
      if (m.kind === "result") p.resolve(m.output);
      else p.reject(InvocationError.from(m.error));
    }
  }

  private fail(e: Error): void {
    this.gone();
    this.settleLoad.reject(e);
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(e);
    }
  }

  /** Runs one invocation; the worker must have loaded and be idle. */
  invoke(event: DurableExecutionInvocationInput, requestId: string, functionArn: string, timeoutMs: number): Promise<DurableExecutionInvocationOutput> {
    if (this.pending) throw new Error("FunctionWorker runs one invocation at a time");
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.fail(new InvocationError("Sandbox.Timedout", `RequestId: ${requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`));
        void this.terminate();
      }, timeoutMs);
      this.pending = { id, resolve, reject, timer };
      // Lambda hands the handler its event as parsed JSON, never as shared objects.
      const message: ToWorker = { kind: "invoke", id, event: JSON.parse(JSON.stringify(event)), requestId, functionArn, timeoutMs };
      this.worker.postMessage(message);
    });
  }

  async terminate(): Promise<void> {
    this.gone();
    await this.worker.terminate();
  }
}
