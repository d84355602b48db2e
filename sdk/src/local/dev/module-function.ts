import type { DurableConfig, DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "../../protocol/index.js";
import type { InvocationEnvironment, RegisteredFunction } from "../registry.js";
import { functionEnvironment } from "./function-environment.js";
import { FunctionWorker, InvocationError } from "./function-worker.js";
import type { WorkerError } from "./messages.js";
import { displayPath } from "./display-path.js";
import { SourceWatcher } from "./source-watcher.js";

/** Lambda's longest function timeout, the default here: durable handlers suspend long before it. */
const DEFAULT_TIMEOUT_SECONDS = 900;

export interface ModuleFunctionOptions {
  name: string;
  /** Absolute path of the handler module (.ts, .mts, .js or .mjs). */
  file: string;
  /** The export that is the handler; `handler` by default. */
  exportName?: string;
  description?: string;
  durableConfig?: DurableConfig;
  /** How long one invocation may run, as a Lambda function's Timeout. */
  timeoutSeconds?: number;
  /** The local service the handler's own LambdaClient should call. */
  endpoint: string;
  region: string;
  keepAwsCredentials?: boolean;
  /** Reload when the module or a file it imports changes; true by default. */
  watch?: boolean;
  log?: (line: string) => void;
}

/** Whether the module loaded, and if not, Lambda's error for it. */
export type LoadResult = { ok: true } | { ok: false; error: WorkerError };

/**
 * A function backed by the user's handler module, run in worker threads that find the local
 * service through their environment. When the module or anything it imports changes, the next
 * invocation runs in a fresh worker with the new code, so new executions start with it and
 * running ones continue with it on their next invocation, as after a Lambda deployment to
 * `$LATEST`; an invocation already running finishes on the code it started with.
 *
 * @example const fn = new ModuleFunction({ name: "orders", file: "/app/orders.ts", endpoint, region }); registry.register(fn.registration);
 */
export class ModuleFunction {
  readonly registration: RegisteredFunction;
  readonly exportName: string;
  private readonly env: Record<string, string>;
  private readonly watcher: SourceWatcher | undefined;
  private readonly workers = new Set<FunctionWorker>();
  /** Loaded workers of the current code, waiting for an invocation. */
  private idle: FunctionWorker[] = [];
  /** Bumped on each change: workers of an older generation run no new invocation. */
  private generation = 0;
  private readonly generations = new Map<FunctionWorker, number>();
  private readonly reloadListeners = new Set<(r: LoadResult, changed: string[]) => void>();
  private disposed = false;

  constructor(private readonly o: ModuleFunctionOptions) {
    this.exportName = o.exportName ?? "handler";
    this.env = functionEnvironment(process.env, { endpoint: o.endpoint, region: o.region, keepAwsCredentials: o.keepAwsCredentials ?? false });
    this.registration = {
      name: o.name,
      ...(o.description !== undefined && { description: o.description }),
      ...(o.durableConfig && { durableConfig: o.durableConfig }),
      lastModified: new Date(),
      source: { file: o.file, exportName: this.exportName },
      run: (event, env) => this.invoke(event, env),
    };
    if (o.watch ?? true) {
      this.watcher = new SourceWatcher((changed) => void this.reload(changed));
      this.watcher.add(o.file);
    }
  }

  get file(): string {
    return this.o.file;
  }

  /** Files whose change reloads the function: the module and the sources it imported. */
  get watchedFiles(): string[] {
    return this.watcher?.files ?? [];
  }

  private spawn(): FunctionWorker {
    const w = new FunctionWorker({
      file: this.o.file,
      exportName: this.exportName,
      functionName: this.o.name,
      env: this.env,
      onSourceFile: (path) => this.watcher?.add(path),
      onGone: () => this.forget(w),
    });
    this.workers.add(w);
    this.generations.set(w, this.generation);
    return w;
  }

  private forget(w: FunctionWorker): void {
    this.workers.delete(w);
    this.generations.delete(w);
    this.idle = this.idle.filter((x) => x !== w);
  }

  private retire(w: FunctionWorker): void {
    this.forget(w);
    void w.terminate();
  }

  /** Loads the module in a fresh worker and keeps it warm; resolves with how that went. */
  async load(): Promise<LoadResult> {
    const w = this.spawn();
    try {
      await w.loaded;
    } catch (e) {
      this.retire(w);
      return { ok: false, error: { name: (e as Error).name, message: (e as Error).message } };
    }
    if (this.disposed || this.generations.get(w) !== this.generation) this.retire(w);
    else this.idle.push(w);
    return { ok: true };
  }

  /** Drops every environment of the old code and loads the new one; `changed` says why, for the log. */
  async reload(changed: string[] = []): Promise<LoadResult> {
    if (this.disposed) return { ok: true };
    this.generation += 1;
    for (const w of this.idle) this.retire(w);
    this.registration.lastModified = new Date();
    const result = await this.load();
    const why = changed.length > 0 ? ` (${changed.map(displayPath).join(", ")} changed)` : "";
    this.o.log?.(result.ok ? `${this.o.name}: reloaded${why}` : `${this.o.name}: ${result.error.name}: ${result.error.message}${why}`);
    for (const l of this.reloadListeners) l(result, changed);
    return result;
  }

  /** Calls `listener` after each reload; returns the function that stops it. */
  onReload(listener: (r: LoadResult, changed: string[]) => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  private async invoke(event: DurableExecutionInvocationInput, env: InvocationEnvironment): Promise<DurableExecutionInvocationOutput> {
    if (this.disposed) throw new InvocationError("Runtime.ExitError", `Function ${this.o.name} was removed`);
    const w = this.idle.pop() ?? this.spawn();
    try {
      await w.loaded;
      return await w.invoke(event, env.requestId, env.functionArn, (this.o.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
    } finally {
      if (w.alive && !this.disposed && this.generations.get(w) === this.generation) this.idle.push(w);
      else this.retire(w);
    }
  }

  /** Stops watching and ends every environment; invocations still running fail. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.watcher?.close();
    const all = [...this.workers];
    for (const w of all) this.forget(w);
    await Promise.all(all.map((w) => w.terminate()));
  }
}
