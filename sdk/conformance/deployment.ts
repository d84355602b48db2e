/**
 * The functions of one requirement as Lambda would address them: the handler under test
 * and the invoke targets its module exports, by name, partial or full ARN, `$LATEST` only.
 */
import type { FunctionInfo } from "@durable-lens/sdk/engine";
import { parseFunctionName } from "@durable-lens/sdk/protocol";
import type { SandboxFunction } from "./sandbox/pool.js";
import type { FunctionSource } from "./sandbox/messages.js";

const REGION = "us-east-1";
const ACCOUNT = "123456789012";

export class Deployment {
  private readonly functions = new Map<string, SandboxFunction>();

  add(name: string, source: FunctionSource): SandboxFunction {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) throw new Error(`function name ${JSON.stringify(name)} must be 1-64 characters of [a-zA-Z0-9-_]`);
    const fn = { name, arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`, source };
    this.functions.set(name, fn);
    return fn;
  }

  find(nameOrArn: string, qualifier?: string): SandboxFunction | undefined {
    const ref = parseFunctionName(nameOrArn);
    const q = qualifier ?? ref?.qualifier;
    if (!ref || (q !== undefined && q !== "$LATEST")) return undefined;
    return this.functions.get(ref.name);
  }

  /** What the engine needs to know of a function. */
  info(nameOrArn: string, qualifier?: string): FunctionInfo | undefined {
    const fn = this.find(nameOrArn, qualifier);
    return fn && { functionName: fn.name, functionArn: fn.arn, version: "$LATEST" };
  }

  get region(): string {
    return REGION;
  }

  get accountId(): string {
    return ACCOUNT;
  }
}
