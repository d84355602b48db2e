import type { FunctionInfo } from "../engine/index.js";
import { parseFunctionName, type DurableConfig, type DurableExecutionInvocationInput, type DurableExecutionInvocationOutput } from "../protocol/index.js";
import { createLambdaContext, DurableExecutionInvocationInputWithClient, type DurableExecutionClient, type InvocationClock, type LambdaInvocationContext } from "../runtime/index.js";
import { runPlainHandler, type Handler } from "./plain-handler.js";

/**
 * A durable handler as the runners call it: one made by our `withDurableExecution` or by the
 * official SDK's, whose context parameter is the `aws-lambda` package's whole `Context`.
 */
export type DurableFunctionHandler = (event: DurableExecutionInvocationInput, context: LambdaInvocationContext) => Promise<DurableExecutionInvocationOutput>;

const REGION = "us-east-1";
const ACCOUNT = "123456789012";

interface Entry {
  info: FunctionInfo;
  durable?: DurableFunctionHandler;
  plain?: Handler;
}

/** Lambda's own default, for a name given without a qualifier. */
const LATEST = "$LATEST";

function keyOf(name: string, version: string): string {
  return `${name}:${version}`;
}

/**
 * The functions a local run knows: the handler under test and the targets of its chained
 * invokes, found as Lambda finds them (by name, `name:qualifier` or ARN).
 *
 * @example table.addDurable("tax-calculator", taxCalculator); table.resolve("tax-calculator:$LATEST")
 */
export class FunctionTable {
  private readonly entries = new Map<string, Entry>();

  private add(name: string, entry: Omit<Entry, "info">, durableConfig?: DurableConfig): void {
    const ref = parseFunctionName(name);
    if (!ref) throw new Error(`${JSON.stringify(name)} is not a Lambda function name, name:qualifier or function ARN`);
    const version = ref.qualifier ?? LATEST;
    const info: FunctionInfo = {
      functionName: ref.name,
      functionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${ref.name}`,
      version,
      ...(durableConfig && { durableConfig }),
    };
    this.entries.set(keyOf(ref.name, version), { info, ...entry });
  }

  addDurable(name: string, handler: DurableFunctionHandler, durableConfig?: DurableConfig): void {
    this.add(name, { durable: handler }, durableConfig);
  }

  addPlain(name: string, handler: Handler): void {
    this.add(name, { plain: handler });
  }

  /** The function `name` (with `qualifier`, else the one in the name, else $LATEST) names, if registered. */
  resolve(name: string, qualifier?: string): FunctionInfo | undefined {
    const ref = parseFunctionName(name);
    return ref && this.entries.get(keyOf(ref.name, qualifier ?? ref.qualifier ?? LATEST))?.info;
  }

  /** Runs one invocation of `fn`, its checkpoints going to `client`, its polls timed by `clock` (the wall clock if none). */
  invoke(
    fn: FunctionInfo,
    event: DurableExecutionInvocationInput,
    requestId: string,
    client: DurableExecutionClient,
    clock?: InvocationClock,
  ): Promise<DurableExecutionInvocationOutput> {
    const entry = this.entries.get(keyOf(fn.functionName, fn.version));
    if (!entry) return Promise.reject(new Error(`Function ${fn.functionName}:${fn.version} is not registered with the test runner`));
    const context = createLambdaContext({ requestId, functionName: fn.functionName, functionArn: fn.functionArn });
    if (entry.plain) return runPlainHandler(entry.plain, event, context);
    return entry.durable!(new DurableExecutionInvocationInputWithClient(event, client, undefined, clock), context);
  }
}
