import { ServiceError, parseFunctionName, type DurableConfig } from "../protocol/index.js";
import type { DurableLambdaHandler } from "../runtime/index.js";
import type { FunctionInfo } from "../engine/index.js";

/** A durable function the local service can run. */
export interface RegisteredFunction {
  name: string;
  description?: string;
  handler: DurableLambdaHandler;
  durableConfig?: DurableConfig;
}

/**
 * The functions of the local service, addressed as Lambda addresses them: by name, partial
 * or full ARN, with `$LATEST` as the only version.
 *
 * @example registry.register({ name: "order-processor", handler })
 */
export class FunctionRegistry {
  private readonly functions = new Map<string, RegisteredFunction>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  register(fn: RegisteredFunction): void {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name)) throw new Error(`Function name ${JSON.stringify(fn.name)} must be 1-64 characters of [a-zA-Z0-9-_]`);
    this.functions.set(fn.name, fn);
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
      LastModified: "2026-01-01T00:00:00.000+0000",
      DurableConfig: { ExecutionTimeout: 86_400, RetentionPeriodInDays: 14, ...fn.durableConfig },
    };
  }
}
