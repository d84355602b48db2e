/**
 * Runs invocations in function sandboxes (worker threads), the way Lambda runs them in
 * execution environments: a warm one is reused, a busy function gets another, and one that
 * dies (the handler called `process.exit`, or threw outside any promise) fails its invocation
 * with Lambda's `Runtime.ExitError` and is replaced by a fresh one on the next invocation.
 */
import { Worker } from "node:worker_threads";
import type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "@durable-lens/sdk/protocol";
import { toWireError, type FromSandbox, type FunctionSource, type RpcMethod, type SandboxData, type ToSandbox } from "./messages.js";

const WORKER_URL = new URL("./worker.ts", import.meta.url);
export const LOADER_URL = new URL("../loader/register.mjs", import.meta.url).href;

/** A function the pool can run. */
export interface SandboxFunction {
  name: string;
  arn: string;
  source: FunctionSource;
}

export interface SandboxHost {
  /** Every line a sandbox prints, in order. */
  onLog(stream: "stdout" | "stderr", text: string): void;
  /** Answers a sandbox's service call (the engine's API); throws the service's error. */
  rpc(method: RpcMethod, params: unknown): unknown;
}

export interface PoolOptions {
  host: SandboxHost;
  /** Real time one invocation may take, like a function's timeout. */
  invocationTimeoutMs: number;
}

/** The error Lambda reports for an invocation whose environment died or timed out. */
export class InvocationFailure extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface Invocation {
  id: number;
  requestId: string;
  resolve: (o: DurableExecutionInvocationOutput) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

class Sandbox {
  readonly worker: Worker;
  private current: Invocation | undefined;
  private nextId = 0;
  private describeWaiter: ((m: Extract<FromSandbox, { kind: "described" }>) => void) | undefined;
  dead = false;

  constructor(
    readonly fn: SandboxFunction,
    private readonly options: PoolOptions,
    private readonly onExit: (s: Sandbox) => void,
  ) {
    const data: SandboxData = { source: fn.source, functionName: fn.name, functionArn: fn.arn };
    this.worker = new Worker(WORKER_URL, { workerData: data, execArgv: ["--import", LOADER_URL] });
    this.worker.on("message", (m: FromSandbox) => this.onMessage(m));
    this.worker.on("error", (e) => this.settleFailure(new InvocationFailure(e.name || "Error", e.message)));
    this.worker.on("exit", (code) => {
      this.dead = true;
      const requestId = this.current?.requestId ?? "";
      this.settleFailure(new InvocationFailure("Runtime.ExitError", `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}`));
      this.describeWaiter?.({ kind: "described", functions: [], error: { name: "Runtime.ExitError", message: `the sandbox exited (${code})` } });
      this.onExit(this);
    });
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  private post(m: ToSandbox): void {
    this.worker.postMessage(m);
  }

  private onMessage(m: FromSandbox): void {
    switch (m.kind) {
      case "log":
        this.options.host.onLog(m.stream, m.text);
        break;
      case "rpc":
        try {
          this.post({ kind: "rpc-result", id: m.id, result: this.options.host.rpc(m.method, m.params) });
        } catch (e) {
          this.post({ kind: "rpc-error", id: m.id, error: toWireError(e) });
        }
        break;
      case "described":
        this.describeWaiter?.(m);
        this.describeWaiter = undefined;
        break;
      case "result":
      case "error": {
        const inv = this.current;
        if (!inv || inv.id !== m.id) return;
        this.current = undefined;
        clearTimeout(inv.timer);
        if (m.kind === "result") inv.resolve(m.output);
        else inv.reject(new InvocationFailure(m.error.name, m.error.message));
        break;
      }
    }
  }

  private settleFailure(e: Error): void {
    const inv = this.current;
    if (!inv) return;
    this.current = undefined;
    clearTimeout(inv.timer);
    inv.reject(e);
  }

  describe(): Promise<Extract<FromSandbox, { kind: "described" }>> {
    return new Promise((resolve) => {
      this.describeWaiter = resolve;
      this.post({ kind: "describe" });
    });
  }

  invoke(event: DurableExecutionInvocationInput, requestId: string, now: number): Promise<DurableExecutionInvocationOutput> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        const seconds = this.options.invocationTimeoutMs / 1000;
        this.settleFailure(new InvocationFailure("Sandbox.Timedout", `RequestId: ${requestId} Error: Task timed out after ${seconds.toFixed(2)} seconds`));
        void this.worker.terminate();
      }, this.options.invocationTimeoutMs);
      this.current = { id, requestId, resolve, reject, timer };
      this.post({ kind: "invoke", id, event, requestId, now });
    });
  }
}

export class SandboxPool {
  private readonly sandboxes = new Set<Sandbox>();

  constructor(private readonly options: PoolOptions) {}

  private acquire(fn: SandboxFunction): Sandbox {
    for (const s of this.sandboxes) if (s.fn.name === fn.name && !s.busy && !s.dead) return s;
    const s = new Sandbox(fn, this.options, (gone) => this.sandboxes.delete(gone));
    this.sandboxes.add(s);
    return s;
  }

  /** Loads `fn`'s module (warming a sandbox for it) and lists its `functions` export. */
  async describe(fn: SandboxFunction): Promise<string[]> {
    const m = await this.acquire(fn).describe();
    if (m.error) throw new Error(`${fn.source.moduleUrl} failed to load: ${m.error.name}: ${m.error.message}`);
    return m.functions;
  }

  /** Runs one invocation; `now` is the engine's time, which the sandbox's clock takes up. */
  invoke(fn: SandboxFunction, event: DurableExecutionInvocationInput, requestId: string, now: number): Promise<DurableExecutionInvocationOutput> {
    return this.acquire(fn).invoke(event, requestId, now);
  }

  async close(): Promise<void> {
    await Promise.all([...this.sandboxes].map((s) => s.worker.terminate()));
    this.sandboxes.clear();
  }
}
