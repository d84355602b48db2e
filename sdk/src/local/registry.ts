import {
  ServiceError,
  parseFunctionName,
  type DurableConfig,
  type DurableExecutionInvocationInput,
  type DurableExecutionInvocationOutput,
} from "../protocol/index.js";
import type { DurableLambdaHandler } from "../runtime/index.js";
import type { FunctionInfo } from "../engine/index.js";

/** What the service tells a function it invokes out of process: who it is and where the durable API is. */
export interface InvocationEnvironment {
  requestId: string;
  functionName: string;
  functionArn: string;
  /** The local service's URL, for the function's own LambdaClient. */
  endpoint: string;
  region: string;
}

/**
 * Runs one invocation somewhere else than the service's own event loop (the user's modules
 * run in worker threads): gets Lambda's invocation event as JSON, returns the handler's output.
 */
export type FunctionRunner = (event: DurableExecutionInvocationInput, env: InvocationEnvironment) => Promise<DurableExecutionInvocationOutput>;

/** Where a function's handler comes from: a module file and the export that is the handler. */
export interface HandlerSource {
  /** Absolute path of the module (.ts, .mts, .js or .mjs). */
  file: string;
  exportName: string;
}

/**
 * A durable function the local service can run: a `handler` runs in the service's process and
 * checkpoints through the service's client; a `run` function runs it anywhere else.
 */
export interface RegisteredFunction {
  name: string;
  description?: string;
  handler?: DurableLambdaHandler;
  run?: FunctionRunner;
  durableConfig?: DurableConfig;
  /** When the code last changed, as GetFunction reports it. */
  lastModified?: Date;
  /** The handler's module, for the browser bundle the replay simulator runs; without it there is none. */
  source?: HandlerSource;
}

/** Lambda's LastModified format: `2026-01-01T00:00:00.000+0000`. */
function lambdaTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+0000");
}

/**
 * The functions of the local service, addressed as Lambda addresses them: by name, partial
 * or full ARN, with `$LATEST` as the only version.
 *
 * @example registry.register({ name: "order-processor", handler })
 */
export class FunctionRegistry {
  private readonly functions = new Map<string, RegisteredFunction>();
  private readonly registered = new Set<(name: string) => void>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  register(fn: RegisteredFunction): void {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name)) throw new Error(`Function name ${JSON.stringify(fn.name)} must be 1-64 characters of [a-zA-Z0-9-_]`);
    if (!fn.handler === !fn.run) throw new Error(`Function ${fn.name} needs exactly one of handler and run`);
    this.functions.set(fn.name, fn);
    for (const listener of this.registered) listener(fn.name);
  }

  /** Calls `listener` with the name of each function registered from now on. */
  onRegister(listener: (name: string) => void): void {
    this.registered.add(listener);
  }

  /** Removes a function; its running executions wait for it to be registered again (see {@link onRegister}). */
  unregister(name: string): boolean {
    return this.functions.delete(name);
  }

  list(): RegisteredFunction[] {
    return [...this.functions.values()];
  }

  functionArn(name: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${name}`;
  }

  /** Finds a function, or throws Lambda's ResourceNotFoundException naming what was asked for. */
  require(nameOrArn: string, qualifier?: string): RegisteredFunction {
    const found = this.find(nameOrArn, qualifier);
    if (!found) throw new ServiceError("ResourceNotFoundException", `Function not found: ${nameOrArn}${qualifier ? `:${qualifier}` : ""}`);
    return found;
  }

  find(nameOrArn: string, qualifier?: string): RegisteredFunction | undefined {
    const ref = parseFunctionName(nameOrArn);
    if (!ref) return undefined;
    const q = qualifier ?? ref.qualifier;
    if (q !== undefined && q !== "$LATEST") return undefined;
    return this.functions.get(ref.name);
  }

  /** What the engine needs to know of a function. */
  info(nameOrArn: string, qualifier?: string): FunctionInfo | undefined {
    const fn = this.find(nameOrArn, qualifier);
    if (!fn) return undefined;
    return {
      functionName: fn.name,
      functionArn: this.functionArn(fn.name),
      version: "$LATEST",
      ...(fn.durableConfig && { durableConfig: fn.durableConfig }),
    };
  }

  /** The FunctionConfiguration Lambda's ListFunctions and GetFunction return. */
  configuration(fn: RegisteredFunction) {
    return {
      FunctionName: fn.name,
      FunctionArn: this.functionArn(fn.name),
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Description: fn.description ?? "",
      Version: "$LATEST",
      State: "Active",
      LastModified: lambdaTimestamp(fn.lastModified ?? new Date("2026-01-01T00:00:00.000Z")),
      DurableConfig: { ExecutionTimeout: 86_400, RetentionPeriodInDays: 14, ...fn.durableConfig },
    };
  }
}
