import { resolve } from "node:path";
import type { Store } from "../../engine/index.js";
import { sampleRegistrations, seedSampleExecutions } from "../seed.js";
import { LocalDurableService } from "../service.js";
import { readConfigFile } from "./config-file.js";
import { displayPath } from "./display-path.js";
import { FunctionSpecError, type FunctionSpec } from "./function-spec.js";
import { ModuleFunction, type LoadResult } from "./module-function.js";
import { SourceWatcher } from "./source-watcher.js";

export interface DevServerOptions {
  store: Store;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Host names the service answers to besides its own (see `LocalServiceOptions.allowedHosts`). */
  allowedHosts?: readonly string[];
  region?: string;
  /** Functions from the command line. */
  functions?: FunctionSpec[];
  /** A durable-lens.config.json whose functions are served too, and re-read when it changes. */
  configFile?: string;
  /** Register the sample functions as well. */
  samples?: boolean;
  /** Record the sample executions (needs `samples`). */
  seed?: boolean;
  /** Reload a function when its files change; true by default. */
  watch?: boolean;
  /** Handlers keep the shell's AWS credentials instead of dummy ones. */
  keepAwsCredentials?: boolean;
  log?: (line: string) => void;
}

interface Served {
  spec: FunctionSpec;
  fn: ModuleFunction;
  from: "argument" | "config";
}

/**
 * The local durable service with the user's own handler modules registered (and the samples,
 * when asked): each module runs in worker threads pointed at the service, and is reloaded
 * when it or a file it imports changes. The config file is watched too: functions added to
 * it appear, removed ones disappear.
 *
 * @example const dev = await DevServer.start({ store: SqliteStore.open(".durable-lens"), functions: [parseFunctionArgument("src/orders.ts", cwd)] });
 */
export class DevServer {
  private readonly served = new Map<string, Served>();
  private configWatcher: SourceWatcher | undefined;
  /** Config edits apply one after another, never interleaved. */
  private configUpdates: Promise<void> = Promise.resolve();
  private readonly reserved: Set<string>;

  private constructor(
    readonly service: LocalDurableService,
    private readonly options: DevServerOptions,
  ) {
    this.reserved = new Set(options.samples ? sampleRegistrations().map((f) => f.name) : []);
  }

  static async start(options: DevServerOptions): Promise<DevServer> {
    const service = await LocalDurableService.start({
      store: options.store,
      ...(options.host !== undefined && { host: options.host }),
      ...(options.port !== undefined && { port: options.port }),
      ...(options.allowedHosts !== undefined && { allowedHosts: options.allowedHosts }),
      ...(options.region !== undefined && { region: options.region }),
      functions: options.samples ? sampleRegistrations() : [],
      // Executions left running by the last run resume once the user's functions are registered too.
      recover: false,
    });
    const dev = new DevServer(service, options);
    try {
      const loads: Promise<unknown>[] = [];
      for (const spec of options.functions ?? []) loads.push(dev.add(spec, "argument"));
      if (options.configFile) {
        const configFile = resolve(options.configFile);
        for (const spec of readConfigFile(configFile)) loads.push(dev.add(spec, "config"));
        if (options.watch ?? true) {
          dev.configWatcher = new SourceWatcher(() => {
            dev.configUpdates = dev.configUpdates.then(() => dev.reloadConfig(configFile)).catch((e: unknown) => dev.log(String(e)));
          });
          dev.configWatcher.add(configFile);
        }
      }
      await Promise.all(loads);
    } catch (e) {
      await dev.stop();
      throw e;
    }
    service.recover();
    if (options.samples && options.seed) seedSampleExecutions(service.engine);
    return dev;
  }

  private get log(): (line: string) => void {
    return this.options.log ?? (() => {});
  }

  /** The function served under `name`, if it is one of the user's. */
  function(name: string): ModuleFunction | undefined {
    return this.served.get(name)?.fn;
  }

  get functions(): ModuleFunction[] {
    return [...this.served.values()].map((s) => s.fn);
  }

  private async add(spec: FunctionSpec, from: Served["from"]): Promise<LoadResult> {
    const clash = this.reserved.has(spec.name) ? "a sample function" : this.served.has(spec.name) ? displayPath(this.served.get(spec.name)!.spec.file) : undefined;
    if (clash) throw new FunctionSpecError(`Function ${spec.name} (${displayPath(spec.file)}) has the name of ${clash}; give it another name (name=path on the command line)`);
    const fn = new ModuleFunction({
      name: spec.name,
      file: spec.file,
      exportName: spec.exportName,
      endpoint: this.service.endpoint,
      region: this.service.region,
      ...(spec.description !== undefined && { description: spec.description }),
      ...(spec.durableConfig && { durableConfig: spec.durableConfig }),
      ...(spec.timeoutSeconds !== undefined && { timeoutSeconds: spec.timeoutSeconds }),
      ...(this.options.watch !== undefined && { watch: this.options.watch }),
      ...(this.options.keepAwsCredentials !== undefined && { keepAwsCredentials: this.options.keepAwsCredentials }),
      log: this.log,
    });
    this.served.set(spec.name, { spec, fn, from });
    this.service.registry.register(fn.registration);
    const loaded = await fn.load();
    const where = `${displayPath(spec.file)}${spec.exportName === "handler" ? "" : `#${spec.exportName}`}`;
    this.log(loaded.ok ? `${spec.name}: ${where}` : `${spec.name}: ${where}: ${loaded.error.name}: ${loaded.error.message} (fix the file and it reloads)`);
    return loaded;
  }

  private async remove(name: string): Promise<void> {
    const s = this.served.get(name);
    if (!s) return;
    this.served.delete(name);
    this.service.registry.unregister(name);
    await s.fn.dispose();
  }

  /** Applies an edited config file: new and changed functions (re)load, removed ones go. A broken file changes nothing. */
  private async reloadConfig(configFile: string): Promise<void> {
    let specs: FunctionSpec[];
    try {
      specs = readConfigFile(configFile);
    } catch (e) {
      this.log(`${displayPath(configFile)}: ${(e as Error).message} (keeping the functions as they were)`);
      return;
    }
    const wanted = new Map(specs.map((s) => [s.name, s]));
    for (const [name, s] of [...this.served]) {
      if (s.from !== "config") continue;
      const next = wanted.get(name);
      if (next && JSON.stringify(next) === JSON.stringify(s.spec)) wanted.delete(name);
      else {
        await this.remove(name);
        if (!next) this.log(`${name}: removed (no longer in ${displayPath(configFile)}); its running executions wait until it is back`);
      }
    }
    for (const spec of wanted.values()) {
      try {
        await this.add(spec, "config");
      } catch (e) {
        this.log((e as Error).message);
      }
    }
  }

  async stop(): Promise<void> {
    this.configWatcher?.close();
    await this.configUpdates;
    // The service waits for invocations in flight, which need their workers; then they go.
    await this.service.stop();
    await Promise.all(this.functions.map((f) => f.dispose()));
    this.served.clear();
  }
}
